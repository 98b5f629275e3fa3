"""Load test of the survey kiosk endpoint (loopback only, bounded): answers at a fixed rate to
one survey for a fixed time, from several simulated kiosks, each answer with its own submission
id; every 20th answer is sent twice (as a kiosk does when a reply is lost). Failed sends are
retried like the kiosk script does. Afterwards the database must hold every answer exactly once.

    uv run python bench/survey_load.py [--rate 200] [--seconds 30] [--kiosks 20]

The server runs on a throwaway SQLite demo database, with the survey rate limits raised (they
would otherwise refuse most of this on purpose)."""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.demo_database import demo_server_and_database  # noqa: E402

LIMITS = {"SURVEY_LIMIT_PER_MINUTE": "10000000", "SURVEY_KIOSK_LIMIT_PER_MINUTE": "10000000"}
RESEND_EVERY = 20
MAX_ATTEMPTS = 8
CONCURRENCY = 64


def open_survey(database: Path) -> tuple[int, str]:
    with sqlite3.connect(database) as conn:
        row = conn.execute(
            "SELECT id, kiosk_token FROM survey WHERE open_period IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
    if row is None:
        sys.exit("The demo data has no survey with an open period.")
    return row


def stored(database: Path, survey_id: int) -> tuple[int, int]:
    with sqlite3.connect(database) as conn:
        return conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT submission_id) FROM survey_answer "
            "WHERE survey = ? AND submission_id LIKE 'bench-%'",
            (survey_id,),
        ).fetchone()


class Kiosk:
    def __init__(self, base: str, token: str) -> None:
        self.client = httpx.AsyncClient(base_url=base, timeout=30)
        self.path = f"/k/{token}"
        self.csrf = ""

    async def start(self) -> None:
        await self.client.get(self.path)
        self.csrf = self.client.cookies.get("kokeilu_csrf") or ""

    async def send(self, submission_id: str, score: int) -> int:
        response = await self.client.post(
            self.path,
            data={"score": score, "submission_id": submission_id, "lang": "fi"},
            headers={"x-csrftoken": self.csrf, "x-kokeilu-kiosk": "1"},
        )
        return response.status_code


async def run(base: str, token: str, rate: float, seconds: float, kiosks: int) -> dict:
    stations = [Kiosk(base, token) for _ in range(kiosks)]
    await asyncio.gather(*(station.start() for station in stations))
    statuses: collections.Counter = collections.Counter()
    latencies: list[float] = []
    retries = 0
    failed_for_good = 0
    limiter = asyncio.Semaphore(CONCURRENCY)

    async def deliver(station: Kiosk, submission_id: str, score: int) -> None:
        nonlocal retries, failed_for_good
        for attempt in range(MAX_ATTEMPTS):
            started = time.perf_counter()
            try:
                async with limiter:
                    status = await station.send(submission_id, score)
            except httpx.TransportError:
                status = 0
            latencies.append(time.perf_counter() - started)
            statuses[status] += 1
            if status == 200:
                return
            retries += 1
            await asyncio.sleep(min(0.25 * 2**attempt, 4))
        failed_for_good += 1

    async def answer(number: int) -> None:
        station = stations[number % kiosks]
        submission_id = f"bench-{number:07d}"
        score = 1 + number % 5
        await deliver(station, submission_id, score)
        if number % RESEND_EVERY == 0:  # the reply "was lost": the kiosk sends it again
            await deliver(stations[(number + 1) % kiosks], submission_id, score)

    total = int(rate * seconds)
    tasks = []
    started = time.perf_counter()
    for number in range(total):
        delay = started + number / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(answer(number)))
    sending_time = time.perf_counter() - started
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    for station in stations:
        await station.client.aclose()
    return {
        "answers": total,
        "resent": len(range(0, total, RESEND_EVERY)),
        "sending_time": sending_time,
        "elapsed": elapsed,
        "statuses": statuses,
        "latencies": latencies,
        "retries": retries,
        "failed_for_good": failed_for_good,
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to tell work from waiting."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=200, help="answers per second")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--kiosks", type=int, default=20, help="simulated kiosks (clients)")
    args = parser.parse_args()
    if args.rate * args.seconds > 100_000:
        sys.exit("Bounded on purpose: at most 100,000 answers per run.")
    with demo_server_and_database(LIMITS) as (base, database, pid):
        survey_id, token = open_survey(database)
        cpu_before = cpu_seconds(pid)
        result = asyncio.run(run(base, token, args.rate, args.seconds, args.kiosks))
        cpu_used = cpu_seconds(pid) - cpu_before
        rows, distinct = stored(database, survey_id)
    latencies = [value * 1000 for value in result["latencies"]]
    print(f"survey {survey_id} (kiosk), target {args.rate:.0f} answers/s for {args.seconds:.0f} s")
    print(
        f"answers sent:        {result['answers']} "
        f"(+{result['resent']} sent twice on purpose), in {result['sending_time']:.1f} s "
        f"= {result['answers'] / result['sending_time']:.1f} answers/s"
    )
    print(f"all replies in:      {result['elapsed']:.1f} s")
    print(
        "HTTP statuses:       "
        + ", ".join(f"{k}: {v}" for k, v in sorted(result["statuses"].items()))
    )
    print(f"retries:             {result['retries']}   given up: {result['failed_for_good']}")
    if latencies:
        print(
            f"latency ms:          median {statistics.median(latencies):.1f}, "
            f"p95 {percentile(latencies, 0.95):.1f}, p99 {percentile(latencies, 0.99):.1f}, "
            f"max {max(latencies):.1f}"
        )
    requests = sum(result["statuses"].values())
    print(
        f"server CPU time:     {cpu_used:.1f} s = {1000 * cpu_used / max(requests, 1):.2f} ms per "
        f"request (one process; {result['elapsed']:.0f} s wall clock on a shared machine)"
    )
    print(f"stored answers:      {rows} rows, {distinct} distinct submission ids")
    print(f"lost answers:        {result['answers'] - distinct}")
    print(f"duplicated answers:  {rows - distinct}")


if __name__ == "__main__":
    main()
