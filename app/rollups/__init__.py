"""The strategy rollup ("Strategian toteutuminen") for HR directors, and CSV/XLSX exports."""
