"""Hand-written experiment ideas for the demo City of Varkaus, in the words of its employees.

Each idea is a small customer-centric change (seed 002: "liikkeelle pienin askelin") with
two ways it may end: a success and a failure that still teaches something ("moka voi olla
lahja"). The builder (experiment_builder.py) turns every idea into a few experiments in
different departments. Departments are the keys of app.demo.content.DEPARTMENTS, themes are
theme names of the current strategy and customer groups are keys of CUSTOMER_GROUPS below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoCustomerGroup:
    key: str  # only for references inside the demo data; the database knows name_fi
    name_fi: str
    name_sv: str
    name_en: str


@dataclass(frozen=True)
class MeasureIdea:
    name: str
    unit: str
    baseline: float
    target: float
    good: float  # the measured result when the experiment succeeds
    poor: float  # ... and when it does not


@dataclass(frozen=True)
class Idea:
    title: str
    problem: str  # the customer's view
    hypothesis: str  # "Uskomme, että … Tiedämme onnistuneemme, kun …"
    plan: str  # Markdown bullets
    departments: tuple[str, ...]
    themes: tuple[str, ...]
    groups: tuple[str, ...]
    channels: tuple[str, ...]
    measure: MeasureIdea
    success: tuple[str, str]  # result, learning
    failure: tuple[str, str]  # result, learning


CUSTOMER_GROUPS: tuple[DemoCustomerGroup, ...] = (
    DemoCustomerGroup("asukkaat", "Asukkaat", "Invånare", "Residents"),
    DemoCustomerGroup("ikaihmiset", "Ikäihmiset", "Äldre personer", "Older people"),
    DemoCustomerGroup("perheet", "Lapsiperheet", "Barnfamiljer", "Families with children"),
    DemoCustomerGroup("nuoret", "Nuoret", "Unga", "Young people"),
    DemoCustomerGroup("tyonhakijat", "Työnhakijat", "Arbetssökande", "Jobseekers"),
    DemoCustomerGroup("yritykset", "Yritykset", "Företag", "Companies"),
    DemoCustomerGroup("hiljaiset", "Hiljaiset asiakkaat", "Tysta kunder", "Silent customers"),
    DemoCustomerGroup("maahanmuuttajat", "Maahanmuuttajat", "Invandrare", "Immigrants"),
    DemoCustomerGroup("omaishoitajat", "Omaishoitajat", "Närståendevårdare", "Family carers"),
    DemoCustomerGroup(
        "vammaiset", "Vammaiset henkilöt", "Personer med funktionsnedsättning", "Disabled people"
    ),
)

# The six themes of "Kaupunkistrategia 2030" (app.demo.content.CURRENT_STRATEGY).
INNOSTAJA = "Innostajana työyhteisössä"
HILJAISET = "Hiljaisten asiakkaiden mukaan ottaminen"
OSALLISUUS = "Osallisuuden lisääminen"
HILJAINEN_TIETO = "Hiljaisen tiedon siirtyminen"
DIGI = "Sähköiset palvelut"
KETTERA = "Ketterä kehittäminen"

M = MeasureIdea

IDEAS: tuple[Idea, ...] = (
    # --- reachability and contacts -----------------------------------------------------
    Idea(
        "Takaisinsoitto aamun ruuhkatunneille",
        "Aamulla puhelin tuuttaa varattua. Soitan monta kertaa ennen kuin pääsen läpi, ja välillä luovutan kokonaan.",
        "Uskomme, että takaisinsoitto klo 8–10 tasoittaa ruuhkahuipun ja säästää soittajien aikaa. Tiedämme onnistuneemme, kun yli 90 % soittajista saa yhteyden samana päivänä.",
        "- Otetaan käyttöön takaisinsoitto aamun ruuhkatunneille.\n- Soitetaan takaisin saman päivän aikana.\n- Seurataan tavoitettavuutta viikoittain.",
        ("terveysasema", "suun", "aikuissos", "tyollisyys"),
        (DIGI, KETTERA),
        ("asukkaat", "ikaihmiset"),
        ("phone",),
        M("Samana päivänä yhteyden saaneet", "%", 62, 90, 94, 71),
        (
            "Lähes kaikki soittajat saivat yhteyden samana päivänä, ja jonotusajasta tuli vain muutama kiitos-palaute.",
            "Ruuhkahuippu ei kadonnut, mutta se siirtyi meille sopivaan aikaan. Takaisinsoiton lupaama aika on pidettävä, muuten luottamus menee.",
        ),
        (
            "Takaisinsoittoja kertyi niin paljon, että osa siirtyi seuraavaan päivään, ja asiakkaat soittivat silti uudelleen.",
            "Takaisinsoitto vaatii oman vuoron, ei sitä voi hoitaa muun työn lomassa. Moka opetti mitoittamaan resurssin ennen kuin palvelu luvataan.",
        ),
    ),
    Idea(
        "Jokaiseen yhteydenottoon vastataan työpäivän sisällä",
        "Lähetin sähköpostia enkä tiedä, menikö se perille. Viikon hiljaisuuden jälkeen soitin ja kysyin uudelleen.",
        "Uskomme, että vastaus tai vähintään kuittaus työpäivän sisällä vähentää uusintayhteydenottoja. Tiedämme onnistuneemme, kun 95 % yhteydenotoista saa vastauksen vuorokaudessa.",
        "- Sovitaan tiimissä vuorot yhteiselle postilaatikolle.\n- Vastataan ainakin kuittauksella ja arviolla, milloin asia ratkeaa.\n- Lasketaan vastausajat kahden viikon välein.",
        ("aikuissos", "tyollisyys", "kiinteisto", "henkilosto"),
        (KETTERA,),
        ("asukkaat", "yritykset"),
        ("email", "phone"),
        M("Vuorokaudessa vastatut yhteydenotot", "%", 58, 95, 96, 74),
        (
            "Vastausaika lyheni noin kolmesta päivästä alle vuorokauteen. Uusintasoitot vähenivät selvästi.",
            "Pelkkä kuittaus ja aika-arvio rauhoittaa asiakasta yllättävän paljon. Yhteinen postilaatikko ja vuorolista tekivät lupauksesta mahdollisen.",
        ),
        (
            "Vastausprosentti nousi hetkeksi, mutta lomakaudella se putosi lähes lähtötasolle.",
            "Lupaus kestää vain, jos sijaisuudet on sovittu. Seuraavaksi kirjataan vuorot vuosikelloon myös loma-ajoille.",
        ),
    ),
    Idea(
        "Ajantasaiset poissaoloviestit puhelimeen ja sähköpostiin",
        "Soitin sosiaalityöntekijälleni kolme päivää, eikä kukaan kertonut, että hän on lomalla ja kuka hoitaa asiaani.",
        "Uskomme, että poissaoloviesti sijaisen yhteystiedoilla jokaisessa poissaolossa vähentää turhia soittoja. Tiedämme onnistuneemme, kun pistokokeissa kaikki poissaoloviestit ovat kunnossa.",
        "- Tehdään yhteinen malliteksti poissaoloviestille.\n- Lisätään muistutus poissaolon kirjaamiseen.\n- Tehdään pistokoe kerran kuukaudessa.",
        ("aikuissos", "paihde", "kouluterveys", "tekninen"),
        (KETTERA, INNOSTAJA),
        ("asukkaat", "hiljaiset"),
        ("phone", "email"),
        M("Kunnossa olevat poissaoloviestit pistokokeessa", "%", 45, 100, 97, 60),
        (
            "Pistokokeissa lähes kaikki poissaoloviestit olivat kunnossa, ja vaihteen mukaan ”kuka hoitaa” -kyselyt vähenivät.",
            "Pieni tapa, iso vaikutus asiakkaalle. Malliteksti oli tärkeämpi kuin ohje: kun viesti oli valmiina, se myös tehtiin.",
        ),
        (
            "Osa muisti viestit, osa ei; pistokokeiden tulos parani vain vähän.",
            "Muistuttaminen ei riitä, jos viestin asettaminen on hankalaa. Pyysimme tietohallinnolta pikanäppäintä ja jatkamme sen kanssa.",
        ),
    ),
    Idea(
        "Chat auki myös iltaisin",
        "Olen päivät töissä enkä voi soittaa virka-aikana. Illalla ehtisin kysyä, mutta silloin kaikki on kiinni.",
        "Uskomme, että chat auki arki-iltaisin klo 17–20 tavoittaa asiakkaat, jotka eivät pääse asioimaan päivällä. Tiedämme onnistuneemme, kun iltachatissa on vähintään 15 keskustelua viikossa.",
        "- Avataan chat kolmena iltana viikossa kahdeksi kuukaudeksi.\n- Kerrotaan illoista verkkosivuilla ja somessa.\n- Kysytään chatin lopuksi, olisiko asiakas muuten soittanut.",
        ("terveysasema", "tyollisyys", "ohjaamo", "nuoriso"),
        (DIGI, HILJAISET),
        ("nuoret", "tyonhakijat"),
        ("chat",),
        M("Iltachatin keskustelut", "kpl/vko", 0, 15, 24, 6),
        (
            "Iltachatissa kävi keskimäärin parikymmentä keskustelua viikossa, ja moni kertoi, ettei olisi muuten ottanut yhteyttä lainkaan.",
            "Ilta tavoittaa eri asiakkaat kuin päivä. Aukioloajat kannattaa valita asiakkaan kalenterin eikä meidän työvuorojemme mukaan.",
        ),
        (
            "Iltaisin chatissa kävi vain muutama asiakas viikossa, vaikka aukiolosta kerrottiin.",
            "Emme kysyneet ensin, milloin asiakkaat haluavat asioida. Seuraavalla kierroksella kysytään ensin ja kokeillaan aamuvarhaista.",
        ),
    ),
    Idea(
        "Palvelulupaus näkyviin asiakkaille",
        "En tiedä, mitä voin odottaa: kauanko asiani kestää tai milloin minulle vastataan. Siksi odotan varmuuden vuoksi liikoja.",
        "Uskomme, että selkeä palvelulupaus näkyvillä auttaa asiakasta tietämään, mitä odottaa. Tiedämme onnistuneemme, kun asiakastyytyväisyys nousee 3,6:sta vähintään 4,2:een.",
        "- Kirjoitetaan tiimissä kolmen lauseen palvelulupaus.\n- Laitetaan se esille tiskille ja verkkosivulle.\n- Kysytään asiakkailta, pitääkö lupaus.",
        ("uimahalli", "kiinteisto", "terveysasema", "ateria"),
        (OSALLISUUS, INNOSTAJA),
        ("asukkaat",),
        ("in_person", "e_service"),
        M("Asiakastyytyväisyys", "1–5", 3.6, 4.2, 4.4, 3.7),
        (
            "Asiakastyytyväisyys nousi, ja moni kertoi palautteessa tietävänsä nyt, mitä odottaa.",
            "Kun asiakas tietää, mitä on lupa odottaa, hän ei peilaa palvelua omiin odotuksiinsa vaan annettuun tietoon. Lupaus sitoo myös meitä.",
        ),
        (
            "Tyytyväisyys ei juuri muuttunut, ja muutama asiakas huomautti, ettei lupaus pitänyt ruuhkaviikolla.",
            "Lupaus, jota ei pystytä pitämään, on huonompi kuin ei lupausta. Seuraavaksi lupaus mitoitetaan ruuhkaviikon mukaan.",
        ),
    ),
    Idea(
        "Asian käsittelyn vaiheet näkyviin",
        "Jätin hakemuksen ja sitten ei kuulunut mitään. En tiennyt, onko se vielä jonossa vai jo hylätty.",
        "Uskomme, että käsittelyn vaiheiden kertominen etukäteen ja tekstiviesti vaiheen vaihtuessa vähentää tilannekyselyjä. Tiedämme onnistuneemme, kun tilannekyselyt puolittuvat.",
        "- Kuvataan käsittelyn vaiheet yhdelle sivulle.\n- Lähetetään tekstiviesti, kun asia siirtyy seuraavaan vaiheeseen.\n- Lasketaan tilannekyselyt ennen ja jälkeen.",
        ("tekninen", "kadut", "aikuissos", "asumis"),
        (DIGI, KETTERA),
        ("asukkaat", "yritykset"),
        ("e_service", "phone"),
        M("Tilannekyselyt", "kpl/kk", 80, 40, 35, 72),
        (
            "Tilannekyselyt vähenivät yli puoleen, ja asiakkaat kiittivät tekstiviesteistä.",
            "Asiakas ei halua nopeampaa käsittelyä niin paljon kuin tietoa siitä, missä mennään. Läpinäkyvyys on halpaa palvelua.",
        ),
        (
            "Tekstiviestit lähtivät käsin ja unohtuivat kiireessä, joten kyselyt vähenivät vain vähän.",
            "Käsin tehtävä viestintä ei kestä kiirettä. Selvitetään, voiko viestin lähettää suoraan asianhallinnasta.",
        ),
    ),
    Idea(
        "Tekstiviestimuistutus ajanvarauksesta",
        "Aika oli varattu kuukausia sitten, ja se unohtui. Jälkeenpäin tuli vielä lasku käyttämättä jääneestä ajasta.",
        "Uskomme, että tekstiviestimuistutus kaksi päivää ennen aikaa vähentää peruuttamatta jääneitä käyntejä. Tiedämme onnistuneemme, kun käyttämättä jääneet ajat vähenevät 9 %:sta alle 4 %:iin.",
        "- Lähetetään muistutus kaksi arkipäivää ennen aikaa.\n- Viestissä kerrotaan, miten ajan voi perua.\n- Seurataan käyttämättä jääneitä aikoja kuukausittain.",
        ("suun", "terveysasema", "kouluterveys", "paihde"),
        (DIGI,),
        ("asukkaat", "perheet"),
        ("e_service", "phone"),
        M("Käyttämättä jääneet ajat", "%", 9, 4, 3.5, 8),
        (
            "Käyttämättä jääneiden aikojen osuus laski selvästi, ja vapautuneet ajat saatiin jonossa oleville.",
            "Muistutus maksaa vähän ja vapauttaa aikoja muille. Perumisohje viestissä oli yhtä tärkeä kuin itse muistutus.",
        ),
        (
            "Muistutukset lähtivät, mutta käyttämättä jääneet ajat vähenivät vain vähän, koska osalla asiakkaista ei ollut oikeaa numeroa järjestelmässä.",
            "Yhteystiedot ovat palvelun perusta. Ensin korjataan puhelinnumerot, sitten muistutetaan.",
        ),
    ),
    Idea(
        "Yksi numero, joka ohjaa oikealle",
        "En tiedä, mihin numeroon minun pitäisi soittaa. Minua on siirretty puhelimessa paikasta toiseen, ja lopulta puhelu katkesi.",
        "Uskomme, että yksi neuvontanumero, jossa vastaaja ohjaa puhelun suoraan oikealle, vähentää siirtoja. Tiedämme onnistuneemme, kun 80 % soittajista saa asiansa hoidettua yhdellä siirrolla.",
        "- Kootaan yksikköjen yhteystiedot ajan tasalle vaihteeseen.\n- Neuvontanumeroon vastaa vuorollaan kokenut työntekijä.\n- Kirjataan, montako kertaa puhelu siirrettiin.",
        ("sote", "vanhus", "tyollisyys", "konserni"),
        (KETTERA, HILJAINEN_TIETO),
        ("ikaihmiset", "asukkaat"),
        ("phone",),
        M("Yhdellä siirrolla hoidetut puhelut", "%", 55, 80, 84, 58),
        (
            "Useimmat soittajat pääsivät oikealle henkilölle yhdellä siirrolla, ja katkenneet puhelut vähenivät.",
            "Neuvojan paras työkalu on ajantasainen tieto siitä, kuka tekee mitä. Kävi ilmi, että emme itsekään tunteneet toistemme palveluja.",
        ),
        (
            "Siirtoja ei saatu vähenemään, koska vaihteen yhteystiedot olivat vanhentuneita ja vastaaja joutui arvaamaan.",
            "Ennen yhtä numeroa tarvitaan ajantasaiset yhteystiedot. Sovittiin, että jokainen yksikkö tarkistaa omansa kuukausittain.",
        ),
    ),
)
