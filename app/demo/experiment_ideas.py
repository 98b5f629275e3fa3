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
    # --- service points and e-services ---------------------------------------------------
    Idea(
        "Pop-up-palvelupiste kauppakeskuksessa",
        "Virastoon on pitkä matka ja sinne pitää varata aika. Kaupassa käyn joka tapauksessa, mutta siellä ei voi kysyä mitään.",
        "Uskomme, että palvelupiste kauppakeskuksessa kerran viikossa tavoittaa asiakkaat, jotka eivät tule virastoon. Tiedämme onnistuneemme, kun pisteellä käy vähintään 25 asiakasta päivässä.",
        "- Varataan kauppakeskukselta paikka torstaisin klo 12–18.\n- Pisteellä on kaksi työntekijää eri palvelualoilta.\n- Kirjataan käynnit ja asiat tukkimiehen kirjanpidolla.",
        ("tyollisyys", "terveys", "aikuissos", "liikunta"),
        (HILJAISET, OSALLISUUS),
        ("asukkaat", "hiljaiset"),
        ("popup",),
        M("Kävijät pop-up-pisteellä", "hlöä/pv", 0, 25, 38, 9),
        (
            "Pisteellä kävi kymmeniä asiakkaita päivässä, ja moni heistä ei ollut asioinut kaupungin palveluissa aiemmin.",
            "Menemällä asiakkaan arkeen tavoitamme ne, jotka eivät tule luoksemme. Kahden palvelualan pari osasi vastata laajemmin kuin kumpikaan yksin.",
        ),
        (
            "Kävijöitä oli vähän: piste oli käytävän perällä, eikä siitä kerrottu etukäteen.",
            "Paikka ja viestintä ratkaisevat. Uusi yritys sisäänkäynnin luona, ja siitä kerrotaan paikallislehdessä ja somessa.",
        ),
    ),
    Idea(
        "Digituki kirjaston aulassa",
        "Pitäisi hoitaa asiat netissä, mutta en osaa enkä kehtaa kysyä lapsiltani joka kerta. Kone tuntuu pelottavalta.",
        "Uskomme, että digituki kirjastossa kahdesti viikossa auttaa ikäihmisiä käyttämään sähköisiä palveluja itse. Tiedämme onnistuneemme, kun 70 % autetuista kertoo pärjäävänsä seuraavalla kerralla itse.",
        "- Digitukihenkilö päivystää kirjaston aulassa tiistaisin ja perjantaisin.\n- Apua saa omaan puhelimeen tai tablettiin.\n- Kysytään kuukauden päästä, onnistuiko asiointi itse.",
        ("tietohallinto", "vanhus", "kotihoito", "tyollisyys"),
        (DIGI, HILJAISET),
        ("ikaihmiset",),
        ("popup", "in_person"),
        M("Itse pärjäävät kuukauden kuluttua", "%", 30, 70, 74, 41),
        (
            "Suurin osa autetuista hoiti seuraavan asiansa itse, ja moni toi mukanaan ystävänsä.",
            "Kärsivällinen apu omalla laitteella on tehokkaampaa kuin kurssi. Ikäihmiset eivät ole digikammoisia, kun he saavat kysyä rauhassa.",
        ),
        (
            "Kävijöitä oli paljon, mutta moni tarvitsi apua samaan asiaan yhä uudelleen.",
            "Pelkkä tekeminen asiakkaan puolesta ei opeta. Seuraavaksi kokeillaan, että asiakas tekee ja tukihenkilö neuvoo vierestä.",
        ),
    ),
    Idea(
        "Tabletilla videopuhelu kotihoidon asiakkaalle",
        "Asun yksin, ja hoitaja käy vain lyhyesti. Illat ovat pitkiä, ja huolet kasvavat, kun ei ole ketään, jolta kysyä.",
        "Uskomme, että tabletin videopuhelu iltaisin tuo turvaa yksin asuvalle kotihoidon asiakkaalle ja vähentää turhia hälytyksiä. Tiedämme onnistuneemme, kun turvapuhelinhälytykset iltaisin vähenevät kolmanneksella.",
        "- Annetaan tabletti kymmenelle vapaaehtoiselle asiakkaalle.\n- Hoitaja soittaa videopuhelun joka ilta klo 19.\n- Seurataan iltahälytyksiä ja kysytään asiakkaiden kokemuksia.",
        ("kotihoito", "asumis", "vanhus"),
        (DIGI, HILJAISET),
        ("ikaihmiset", "omaishoitajat"),
        ("e_service",),
        M("Turvapuhelinhälytykset iltaisin", "kpl/vko", 21, 14, 12, 20),
        (
            "Iltahälytykset vähenivät selvästi, ja asiakkaat odottivat iltasoittoa. Omaiset saivat samalla yhteyden läheiseensä.",
            "Kasvot ruudulla tuovat turvaa, jota pelkkä ääni ei tuo. Kokeilu kannattaa laajentaa kaikille halukkaille.",
        ),
        (
            "Puolet asiakkaista ei saanut tablettia toimimaan ilman apua, ja soitot jäivät lyhyiksi.",
            "Laite pitää opettaa rauhassa ensimmäisellä käynnillä ja yhteyden pitää toimia ilman näppäilyä. Kokeilemme automaattisesti vastaavaa laitetta.",
        ),
    ),
    Idea(
        "Katuviasta ilmoitus kuvalla kännykällä",
        "Näin kuopan pyörätiellä, mutta en löytänyt, minne siitä ilmoitetaan. Soitin vaihteeseen, ja sieltä ohjattiin eteenpäin.",
        "Uskomme, että helppo ilmoitus kuvalla ja sijainnilla tuo katuviat tietoomme nopeammin. Tiedämme onnistuneemme, kun viasta ilmoitetaan keskimäärin kahdessa päivässä sen syntymisestä.",
        "- Otetaan käyttöön verkkolomake, jolle voi lähettää kuvan ja sijainnin.\n- Ilmoittaja saa viestin, kun vika on korjattu.\n- Kerrotaan palvelusta katujen varsien tarroilla.",
        ("kadut", "tekninen", "kiinteisto"),
        (DIGI, OSALLISUUS),
        ("asukkaat",),
        ("e_service", "social_media"),
        M("Vian ilmoittamiseen kulunut aika", "vrk", 7, 2, 1.5, 6),
        (
            "Ilmoituksia tuli moninkertaisesti, ja korjaajat löysivät viat kuvan ja sijainnin ansiosta heti.",
            "Asukkaat ovat valmiita auttamaan, kun se on helppoa ja he näkevät, että ilmoitus johti johonkin. Korjausviesti oli palautteiden mukaan paras osa.",
        ),
        (
            "Ilmoituksia tuli paljon, mutta korjaukset jonoutuivat, ja ilmoittajat turhautuivat odottamiseen.",
            "Kun asiakkaita pyydetään osallistumaan, pitää pystyä myös vastaamaan. Seuraavaksi kerrotaan kiireettömille vioille arvioitu korjausaika.",
        ),
    ),
    Idea(
        "Sähköinen ilmoittautuminen ohjattuihin ryhmiin",
        "Ryhmiin ilmoittaudutaan puhelimella maanantaiaamuna, ja linjat ovat heti tukossa. Paikat menevät niille, joilla on aikaa soitella.",
        "Uskomme, että sähköinen ilmoittautuminen ja jonotuslista tekevät ryhmiin pääsystä reilumpaa ja säästävät puhelinaikaa. Tiedämme onnistuneemme, kun 70 % ilmoittautumisista tulee verkossa.",
        "- Avataan ilmoittautuminen verkossa maanantaisin klo 18.\n- Puhelimella voi yhä ilmoittautua tiistaina.\n- Kysytään osallistujilta, oliko ilmoittautuminen helppoa.",
        ("uimahalli", "liikunta", "nuoriso"),
        (DIGI,),
        ("asukkaat", "perheet"),
        ("e_service", "phone"),
        M("Verkossa tehdyt ilmoittautumiset", "%", 0, 70, 78, 35),
        (
            "Valtaosa ilmoittautui verkossa, ja puhelinruuhka maanantaiaamuna hävisi.",
            "Kun sähköinen kanava on helppo, asiakkaat siirtyvät siihen itse. Puhelinmahdollisuus piti säilyttää niille, jotka sitä tarvitsevat.",
        ),
        (
            "Vain kolmannes ilmoittautui verkossa, sillä pankkitunnistautuminen karkotti monet.",
            "Raskas tunnistautuminen kevyeen asiaan on este. Kokeilemme seuraavaksi ilmoittautumista pelkällä sähköpostilla.",
        ),
    ),
    Idea(
        "Kouluterveydenhoitajan chat",
        "Jotkut asiat on nolo kysyä kasvotusten, eikä terkkarin ovelle halua jonottaa kaikkien nähden.",
        "Uskomme, että nimetön chat kahtena iltapäivänä viikossa madaltaa nuorten kynnystä kysyä terveydestä. Tiedämme onnistuneemme, kun chatissa on vähintään 10 keskustelua viikossa.",
        "- Terveydenhoitaja päivystää chatissa ti ja to klo 14–16.\n- Chatista kerrotaan oppitunneilla ja koulun somessa.\n- Kerätään nimetön palaute chatin lopussa.",
        ("kouluterveys", "ohjaamo", "nuoriso"),
        (DIGI, HILJAISET),
        ("nuoret",),
        ("chat", "social_media"),
        M("Chatkeskustelut", "kpl/vko", 0, 10, 16, 3),
        (
            "Chatissa oli viikoittain toistakymmentä keskustelua, ja moni aihe ei olisi tullut esiin vastaanotolla.",
            "Nuoret kysyvät, kun kynnys on matala ja nimettömyys on taattu. Chat ei korvaa vastaanottoa vaan ohjaa sinne oikeaan aikaan.",
        ),
        (
            "Chatissa kävi vain muutama nuori, koska siitä tiesi vain yksi luokka-aste.",
            "Nuorille pitää kertoa heidän kanaviaan myöten. Seuraavaksi nuoret itse suunnittelevat, miten chatista kerrotaan.",
        ),
    ),
    Idea(
        "Ruokalistatoiveet sähköisesti",
        "Ruoka tulee meille sellaisenaan, eikä kukaan ole kysynyt, mistä pidämme. Sama laatikko toistuu, ja lautaselle jää paljon.",
        "Uskomme, että ruokailijoiden toiveiden kerääminen verkkolomakkeella ja toiveruoka kerran kuussa lisää tyytyväisyyttä ja vähentää hävikkiä. Tiedämme onnistuneemme, kun lautashävikki vähenee viidenneksellä.",
        "- Avataan toivelomake ja QR-koodi ruokasaliin.\n- Toteutetaan eniten toivottu ruoka joka kuukausi.\n- Punnitaan lautashävikki viikoittain.",
        ("keskuskeittio", "ateria", "asumis"),
        (OSALLISUUS, DIGI),
        ("ikaihmiset", "perheet"),
        ("e_service",),
        M("Lautashävikki", "g/ruokailija", 40, 32, 29, 39),
        (
            "Toiveita tuli satoja, ja toiveruokapäivinä lautashävikki oli pienimmillään. Ruokailijat kertoivat tulleensa kuulluiksi.",
            "Kun ruokailija saa vaikuttaa, ruoka maistuu paremmalta. Toiveet kertoivat myös, mitkä ruoat voi jättää listalta pois.",
        ),
        (
            "Toiveita tuli vähän, koska QR-koodi ei sopinut ikäihmisille, ja hävikki pysyi ennallaan.",
            "Kanava valittiin meidän eikä ruokailijoiden mukaan. Seuraavaksi toiveet kerätään paperilapuilla ja keskustelemalla ruokapöydässä.",
        ),
    ),
    Idea(
        "Etävastaanotto videolla",
        "Vastaanotolle tulo vie koko päivän, kun pitää järjestää kuljetus ja hoitaja kotiin läheiselleni siksi aikaa.",
        "Uskomme, että osa seurantakäynneistä voidaan hoitaa videolla, mikä säästää asiakkaan aikaa ilman että hoidon laatu kärsii. Tiedämme onnistuneemme, kun 40 % seurantakäynneistä on etänä ja asiakkaat ovat tyytyväisiä.",
        "- Valitaan seurantakäynnit, jotka sopivat etänä hoidettaviksi.\n- Tarjotaan etäaikaa ajanvarauksen yhteydessä.\n- Kysytään tyytyväisyys jokaisen etäkäynnin jälkeen.",
        ("terveysasema", "paihde", "vanhus", "kotihoito"),
        (DIGI,),
        ("omaishoitajat", "vammaiset"),
        ("e_service",),
        M("Etänä hoidetut seurantakäynnit", "%", 5, 40, 44, 12),
        (
            "Lähes puolet seurantakäynneistä hoidettiin videolla, ja asiakkaat arvioivat ne yhtä hyviksi kuin käynnit paikan päällä.",
            "Etäkäynti sopii hyvin seurantaan, kun asiakas tuntee hoitajan entuudestaan. Ensimmäinen tapaaminen kannattaa yhä pitää kasvotusten.",
        ),
        (
            "Etäaikoja varattiin vähän, ja moni peruutti viime hetkellä teknisten ongelmien vuoksi.",
            "Asiakkaat eivät tienneet, mitä etäkäynti tarkoittaa. Teemme lyhyen ohjevideon ja soitamme testipuhelun päivää ennen.",
        ),
    ),
    # --- silent customers and participation ------------------------------------------------
    Idea(
        "Selkokieliset kirjeet",
        "Sain kirjeen, jossa oli pitkiä lauseita ja pykäliä. En ymmärtänyt, mitä minun pitää tehdä, joten en tehnyt mitään.",
        "Uskomme, että selkokielinen kirje, jossa tärkein asia on ensimmäisenä, auttaa asiakasta toimimaan ajoissa. Tiedämme onnistuneemme, kun kirjeen takia soitetut selvityspuhelut vähenevät puoleen.",
        "- Kirjoitetaan kolme yleisintä kirjettä selkokielelle.\n- Testataan kirjeet viidellä asiakkaalla ennen käyttöönottoa.\n- Lasketaan kirjeisiin liittyvät puhelut.",
        ("aikuissos", "tyollisyys", "vanhus", "tekninen"),
        (HILJAISET, OSALLISUUS),
        ("maahanmuuttajat", "ikaihmiset"),
        ("email", "in_person"),
        M("Kirjeisiin liittyvät selvityspuhelut", "kpl/kk", 60, 30, 24, 55),
        (
            "Selvityspuhelut vähenivät yli puoleen, ja määräajat pitivät aiempaa useammin.",
            "Selkokieli hyödyttää kaikkia, ei vain niitä, joille se on tarkoitettu. Asiakkaiden testaus paljasti kohdat, joita emme itse huomanneet.",
        ),
        (
            "Kirjeet selkeytyivät, mutta puhelut eivät vähentyneet, koska asiakkaat soittivat yhä varmistaakseen asian.",
            "Ongelma ei ollut vain kieli vaan luottamus. Seuraavaksi kirjeeseen lisätään nimetyn työntekijän suora numero.",
        ),
    ),
    Idea(
        "Soitto asiakkaille, jotka jäivät pois",
        "Jäin pois palvelusta, kun elämässä oli raskasta. Kukaan ei kysynyt perään, joten luulin, ettei minua enää odoteta.",
        "Uskomme, että soitto jokaiselle asiakkaalle, joka ei ole käynyt kolmeen kuukauteen, tavoittaa hiljaiset asiakkaat ajoissa. Tiedämme onnistuneemme, kun puolet tavoitetuista palaa palvelun piiriin.",
        "- Poimitaan kuukausittain asiakkaat, joilla ei ole käyntiä kolmeen kuukauteen.\n- Soitetaan ja kysytään kuulumiset, ei vaadita mitään.\n- Kirjataan, palasiko asiakas palveluun.",
        ("terveysasema", "vanhus", "aikuissos", "kotihoito"),
        (HILJAISET,),
        ("hiljaiset", "ikaihmiset"),
        ("phone",),
        M("Palvelun piiriin palanneet tavoitetuista", "%", 10, 50, 56, 18),
        (
            "Yli puolet tavoitetuista palasi palveluun, ja monella asia oli ehtinyt kasvaa. Kiitoksia tuli enemmän kuin osasimme odottaa.",
            "Hiljainen asiakas ei ole tyytyväinen asiakas. Yksi soitto kertoo, että häntä odotetaan, ja se riittää usein.",
        ),
        (
            "Vain osa vastasi tuntemattomaan numeroon, ja palanneita oli vähän.",
            "Soitto tuntemattomasta numerosta herättää epäluuloa. Seuraavalla kierroksella lähetetään ensin tekstiviesti, jossa kerrotaan, kuka soittaa ja miksi.",
        ),
    ),
    Idea(
        "Etsivä nuorisotyö somessa",
        "Nuoria ei näy nuorisotilalla eikä toimistolla. He ovat somessa, mutta sieltä ei löydy ketään, jolle voisi kirjoittaa.",
        "Uskomme, että nuorisotyöntekijän oma tili nuorten suosimassa somessa ja vastaukset samana päivänä tavoittavat nuoria, joita emme muuten kohtaa. Tiedämme onnistuneemme, kun tavoitamme kuukaudessa 20 uutta nuorta.",
        "- Avataan työtili kahteen nuorten suosimaan palveluun.\n- Julkaistaan kolmesti viikossa lyhyitä videoita arjesta.\n- Vastataan viesteihin samana päivänä.",
        ("etsiva", "nuoriso", "ohjaamo", "paihde"),
        (HILJAISET, DIGI),
        ("nuoret", "hiljaiset"),
        ("social_media", "chat"),
        M("Uudet tavoitetut nuoret", "hlöä/kk", 4, 20, 27, 7),
        (
            "Somen kautta tavoitettiin kuukausittain kymmeniä uusia nuoria, ja osa heistä tuli myöhemmin tapaamaan kasvokkain.",
            "Nuoret kirjoittavat ensin ja tulevat vasta sitten. Aitous toimii paremmin kuin viimeistellyt julkaisut.",
        ),
        (
            "Seuraajia kertyi, mutta viestejä tuli vähän, ja ne tulivat yöllä, kun kukaan ei ollut töissä.",
            "Nuorten vuorokausirytmi on eri kuin meidän. Kokeilemme iltavuoroa ja automaattista vastausta, joka kertoo milloin vastaamme.",
        ),
    ),
    Idea(
        "Palautetta lounaspöydässä",
        "Palautelaatikko on nurkassa, eikä sinne kukaan kirjoita. Haluaisin kertoa, mikä ruoassa on hyvää ja mikä ei, mutta kenelle?",
        "Uskomme, että keittiön työntekijä, joka istuu kerran viikossa lounaspöytään kysymään kuulumisia, saa rehellisempää palautetta kuin palautelaatikko. Tiedämme onnistuneemme, kun saamme kuukaudessa 40 palautetta ja teemme niistä näkyviä muutoksia.",
        "- Kokki tai ruokapalvelutyöntekijä istuu lounaalla torstaisin.\n- Kirjataan palautteet ja kerrotaan ilmoitustaululla, mitä muutettiin.\n- Verrataan palautteiden määrää palautelaatikkoon.",
        ("keskuskeittio", "ateria", "asumis", "kouluterveys"),
        (OSALLISUUS, HILJAISET),
        ("ikaihmiset", "nuoret"),
        ("in_person",),
        M("Saadut palautteet", "kpl/kk", 5, 40, 52, 12),
        (
            "Palautteita tuli kymmenkertaisesti, ja muutama pieni muutos (kastike erikseen, leipää enemmän) tehtiin saman tien.",
            "Palaute on lahja, kun sitä pyydetään kasvotusten. Ruokailijat arvostivat jo sitä, että joku kysyi.",
        ),
        (
            "Ruokailijat olivat kohteliaita ja kehuivat ruokaa, mutta varsinaista palautetta tuli vähän.",
            "Avoin kysymys ”maistuiko?” saa kohteliaan vastauksen. Seuraavaksi kysytään tarkemmin, esimerkiksi mitä ruokaa toivoisit lisää.",
        ),
    ),
    Idea(
        "Työllisyyden drop-in ilman ajanvarausta",
        "Ajanvaraus tuntuu raskaalta, kun en tiedä edes, mitä kysyisin. Haluaisin vain käydä kysymässä, ilman että siitä tulee iso asia.",
        "Uskomme, että viikoittainen drop-in ilman ajanvarausta tuo paikalle työnhakijoita, jotka eivät varaa aikaa. Tiedämme onnistuneemme, kun drop-inissä käy viikoittain vähintään 15 asiakasta, joista kolmannes on uusia.",
        "- Avataan drop-in keskiviikkoisin klo 10–14.\n- Paikalla työllisyyskoordinaattori ja sosiaaliohjaaja.\n- Kirjataan kävijät ja heidän asiansa nimettömästi.",
        ("tyollisyys", "ohjaamo", "aikuissos", "paihde"),
        (HILJAISET, OSALLISUUS),
        ("tyonhakijat", "hiljaiset"),
        ("in_person", "popup"),
        M("Drop-in-kävijät", "hlöä/vko", 0, 15, 21, 5),
        (
            "Drop-inissä kävi viikoittain parikymmentä asiakasta, ja moni heistä ei ollut ollut palveluissa aiemmin.",
            "Matala kynnys on konkreettinen asia: ei ajanvarausta, ei lomakkeita, kahvia tarjolla. Kahden ammattilaisen pari auttoi ratkaisemaan asian kerralla.",
        ),
        (
            "Kävijöitä oli vähän, ja he olivat pääosin asiakkaita, jotka olisivat tulleet muutenkin.",
            "Emme kertoneet drop-inistä niissä paikoissa, joissa hiljaiset asiakkaat liikkuvat. Seuraavaksi mainostetaan kaupoissa, kirjastossa ja seurakunnalla.",
        ),
    ),
    Idea(
        "Kuvalliset ohjeet vastaanotolle",
        "Suomen kieli on minulle vielä vaikeaa. Vastaanotolla en ymmärtänyt ohjeita, mutta en kehdannut kysyä uudelleen.",
        "Uskomme, että kuvalliset ohjeet ja tulkin käyttö jo ajanvarauksessa auttavat maahanmuuttajia ymmärtämään, mitä heille tapahtuu. Tiedämme onnistuneemme, kun asiakkaat arvioivat ymmärtäneensä ohjeet vähintään 4/5.",
        "- Tehdään kuvalliset ohjeet viidestä yleisimmästä tilanteesta.\n- Kysytään tulkin tarve jo ajanvarauksessa.\n- Kysytään käynnin lopuksi kuvakortilla, ymmärsikö asiakas.",
        ("terveysasema", "kouluterveys", "tyollisyys", "aikuissos"),
        (HILJAISET, OSALLISUUS),
        ("maahanmuuttajat", "perheet"),
        ("in_person",),
        M("Ohjeiden ymmärrettävyys", "1–5", 2.8, 4.0, 4.3, 3.0),
        (
            "Ymmärrettävyys parani selvästi, ja uusintakäynnit samasta syystä vähenivät.",
            "Kuva kertoo enemmän kuin pitkä selitys. Kuvalliset ohjeet auttoivat myös ikäihmisiä ja kiireisiä vanhempia.",
        ),
        (
            "Kuvat otettiin käyttöön, mutta ymmärrettävyys parani vain vähän, koska osa kuvista oli tulkinnanvaraisia.",
            "Kuvat pitää testata niillä, joille ne on tarkoitettu. Seuraavaksi kutsutaan asiakasraati kotoutumiskoulutuksesta arvioimaan ne.",
        ),
    ),
    Idea(
        "Omaishoitajien vertaisilta ja sijainen samaksi illaksi",
        "En pääse mihinkään, koska puolisoani ei voi jättää yksin. Kaikki omaishoitajien tapaamiset jäävät siksi väliin.",
        "Uskomme, että vertaisilta, jonka ajaksi järjestämme sijaisen kotiin, tuo mukaan omaishoitajat, jotka eivät muuten pääse. Tiedämme onnistuneemme, kun jokaiseen iltaan osallistuu vähintään 12 omaishoitajaa.",
        "- Järjestetään vertaisilta kerran kuussa.\n- Tarjotaan illan ajaksi sijainen kotiin.\n- Kysytään illan lopuksi, mitä seuraavaksi toivotaan.",
        ("vanhus", "kotihoito", "asumis"),
        (HILJAISET, OSALLISUUS),
        ("omaishoitajat", "ikaihmiset"),
        ("in_person",),
        M("Osallistujat vertaisillassa", "hlöä", 4, 12, 15, 5),
        (
            "Iltoihin osallistui yli tusina omaishoitajaa, ja puolet heistä ei ollut koskaan aiemmin päässyt mukaan.",
            "Este ei ollut kiinnostuksen puute vaan arjen järjestelyt. Kun este poistetaan, hiljaiset asiakkaat tulevat.",
        ),
        (
            "Sijaisia ei saatu riittävästi, ja moni ilmoittautunut joutui perumaan.",
            "Lupasimme enemmän kuin pystyimme pitämään. Seuraavaksi tehdään yhteistyötä vapaaehtoisjärjestön kanssa sijaisista.",
        ),
    ),
    Idea(
        "Asiakasraati suunnittelemaan palvelua",
        "Palveluja muutetaan ilman, että meiltä käyttäjiltä kysytään. Uudistuksista kuulemme vasta, kun ne on jo päätetty.",
        "Uskomme, että käyttäjistä koottu raati, joka kokoontuu ennen muutosten päättämistä, tuo esiin asioita, joita emme itse näe. Tiedämme onnistuneemme, kun raadin ehdotuksista vähintään puolet toteutuu.",
        "- Kutsutaan raatiin 8–10 eri-ikäistä käyttäjää.\n- Raati kokoontuu neljä kertaa vuodessa ennen päätöksiä.\n- Kerrotaan raadille aina, mitä ehdotuksille tapahtui.",
        ("liikunta", "kadut", "nuoriso", "uimahalli"),
        (OSALLISUUS,),
        ("asukkaat", "vammaiset"),
        ("in_person",),
        M("Toteutuneet raadin ehdotukset", "%", 0, 50, 60, 20),
        (
            "Raadin ehdotuksista suurin osa toteutettiin, ja muutoksista tuli vähemmän valituksia kuin aiemmin.",
            "Käyttäjät näkevät palvelun eri tavalla kuin me. Raadille on kerrottava, mitä ehdotuksille tapahtui, muuten innostus hiipuu.",
        ),
        (
            "Raati kokoontui, mutta päätökset oli jo tehty, ja raati koki olevansa kumileimasin.",
            "Osallistaminen on aitoa vain, jos asiakas pääsee mukaan ennen päätöksiä. Aikataulu muutetaan vuosikelloon.",
        ),
    ),
    Idea(
        "Esteettömyyskävely käyttäjien kanssa",
        "Pyörätuolilla moni ovi on raskas ja reunakivi liian korkea. Suunnittelijat eivät ole koskaan kulkeneet reittiä minun kanssani.",
        "Uskomme, että yhteinen kävely vammaisten asukkaiden kanssa paljastaa esteet, joita emme piirustuksista huomaa. Tiedämme onnistuneemme, kun korjaamme vuoden aikana 20 kävelyllä löydettyä estettä.",
        "- Kävellään kaksi reittiä vammaisneuvoston jäsenten kanssa.\n- Kirjataan esteet kuvin ja sijainnein.\n- Kerrotaan osallistujille, mitä on korjattu.",
        ("kadut", "kiinteisto", "uimahalli", "liikunta"),
        (OSALLISUUS, HILJAISET),
        ("vammaiset", "ikaihmiset"),
        ("in_person",),
        M("Korjatut esteet", "kpl", 0, 20, 26, 6),
        (
            "Kävelyillä löytyi kymmeniä esteitä, ja helpot korjattiin jo samana kesänä.",
            "Oma kokemus ei korvaa käyttäjän kokemusta. Moni korjaus oli halpa, kun se vain huomattiin.",
        ),
        (
            "Esteitä löytyi paljon, mutta korjaukset jäivät ensi vuoden budjettiin, ja osallistujat pettyivät.",
            "Kävely kannattaa ajoittaa niin, että korjauksiin on rahaa. Pienille korjauksille varataan jatkossa oma pieni määräraha.",
        ),
    ),
    # --- tacit knowledge and inspiring others ---------------------------------------------
    Idea(
        "Kokenut työpari uudelle työntekijälle",
        "Minua hoiti uusi työntekijä, joka ei tiennyt, miten asiani on ennen hoidettu. Jouduin selittämään kaiken alusta.",
        "Uskomme, että kuukauden työpari kokeneen kollegan kanssa siirtää hiljaisen tiedon uudelle työntekijälle ja asiakas saa jatkuvuutta. Tiedämme onnistuneemme, kun uudet työntekijät arvioivat perehdytyksensä vähintään 4/5.",
        "- Jokainen uusi työntekijä saa nimetyn työparin kuukaudeksi.\n- Työpari kulkee mukana asiakaskäynneillä ensimmäiset kaksi viikkoa.\n- Kysytään perehdytyksen arvio kuukauden jälkeen.",
        ("kotihoito", "keskuskeittio", "kiinteisto", "paihde"),
        (HILJAINEN_TIETO,),
        ("ikaihmiset", "asukkaat"),
        ("in_person",),
        M("Perehdytyksen arvio", "1–5", 3.1, 4.0, 4.5, 3.3),
        (
            "Uudet työntekijät arvioivat perehdytyksen erinomaiseksi, ja asiakkaiden mukaan vaihtuva hoitaja tiesi nyt heidän tapansa.",
            "Hiljainen tieto siirtyy tekemällä yhdessä, ei ohjekansiosta. Työparit kertoivat oppineensa myös itse uudelta työntekijältä.",
        ),
        (
            "Työpareja nimettiin, mutta kiireessä uusi työntekijä kulki yksin jo toisella viikolla.",
            "Perehdytykseen pitää varata aikaa työvuorolistaan, muuten se jää hyväksi aikomukseksi. Sama oivallus koski koko työyhteisöä.",
        ),
    ),
    Idea(
        "Eläköityvien vinkit videoiksi",
        "Korjaaja, joka tunsi talomme, jäi eläkkeelle. Nyt jokainen vika selvitetään alusta, ja korjaukset kestävät pidempään.",
        "Uskomme, että lyhyet kännykkävideot kokeneiden työntekijöiden vinkeistä säilyttävät tiedon, joka muuten katoaa. Tiedämme onnistuneemme, kun vuoden aikana tallennetaan 30 videota ja niitä katsotaan työssä.",
        "- Kokeneet työntekijät kuvaavat viikoittain yhden vinkin.\n- Videot tallennetaan yhteiseen kansioon kohteen mukaan.\n- Kysytään kollegoilta, mitkä videot auttoivat.",
        ("kiinteisto", "kadut", "keskuskeittio", "tietohallinto"),
        (HILJAINEN_TIETO, DIGI),
        ("asukkaat",),
        ("in_person",),
        M("Tallennetut vinkkivideot", "kpl", 0, 30, 42, 9),
        (
            "Videoita kertyi yli tavoitteen, ja ne olivat ahkerassa käytössä erityisesti sijaisilla.",
            "Kokeneet kertoivat mielellään, kun kuvaaminen oli helppoa ja ilman käsikirjoitusta. Video kohteen luona on paras ohje.",
        ),
        (
            "Videoita syntyi vain muutama, koska kuvaaminen tuntui kokeneista kiusalliselta.",
            "Kaikki eivät halua kameran eteen. Seuraavaksi kokeillaan, että nuorempi kollega haastattelee ja kuvaa kokeneen työtä.",
        ),
    ),
    Idea(
        "Onnistumisten ja mokien kahvit",
        "Yksiköiden kehitysideat jäävät pöytälaatikkoon, ja samat virheet toistuvat, koska niistä ei puhuta.",
        "Uskomme, että kuukausittainen varttitunti, jossa kerrotaan yksi onnistuminen ja yksi moka, innostaa kokeilemaan ja jakamaan oppeja. Tiedämme onnistuneemme, kun uusia kokeiluja kirjataan kuukaudessa vähintään kolme.",
        "- Pidetään kuukausittainen 15 minuutin kahvituokio.\n- Vuorotellen joku kertoo onnistumisen ja jonkun mokan.\n- Kirjataan syntyneet ideat kokeiluiksi.",
        ("osaaminen", "henkilosto", "terveysasema", "kotihoito"),
        (INNOSTAJA,),
        ("asukkaat",),
        ("in_person",),
        M("Uudet kirjatut kokeilut", "kpl/kk", 0, 3, 5, 1),
        (
            "Kokeiluja kirjattiin kuukausittain enemmän kuin tavoite, ja mokista puhuttiin naurahtaen eikä häpeillen.",
            "Moka voi olla lahja, kun siitä saa puhua ääneen. Esimies näytti esimerkkiä kertomalla ensimmäisenä oman mokansa.",
        ),
        (
            "Kahveilla puhuttiin mukavia, mutta uusia kokeiluja ei syntynyt.",
            "Keskustelu ei muutu teoiksi ilman yhtä kysymystä lopuksi: mitä kokeilemme seuraavaksi? Se lisätään vakiokysymykseksi.",
        ),
    ),
    Idea(
        "Päivä toisen palvelualan työssä",
        "Minua pompotellaan luukulta toiselle, koska työntekijät eivät tiedä, mitä naapuriyksikössä tehdään.",
        "Uskomme, että työntekijöiden päivän mittainen vierailu toisen palvelualan työhön parantaa asiakkaiden ohjausta yli hallinnonrajojen. Tiedämme onnistuneemme, kun osallistujat osaavat ohjata asiakkaan oikeaan paikkaan 90 %:ssa tapauksista.",
        "- Jokainen osallistuja viettää päivän toisen palvelualan työssä.\n- Kirjataan yhteiset asiakkaat ja päällekkäisyydet.\n- Testataan ohjausosaamista tapausesimerkeillä ennen ja jälkeen.",
        ("henkilosto", "liikunta", "tyollisyys", "nuoriso"),
        (INNOSTAJA, HILJAINEN_TIETO),
        ("asukkaat", "tyonhakijat"),
        ("in_person",),
        M("Oikein ohjatut tapausesimerkit", "%", 60, 90, 92, 68),
        (
            "Ohjausosaaminen parani selvästi, ja vierailuista syntyi kaksi uutta yhteistyökokeilua.",
            "Palvelut saavat kasvot, kun käy paikan päällä. Yhteisiä asiakkaita oli paljon enemmän kuin luulimme.",
        ),
        (
            "Vierailut jäivät lyhyiksi, koska sijaisia ei saatu, eikä ohjausosaaminen juuri muuttunut.",
            "Puolikas päivä ei riitä oppimiseen. Kokeillaan seuraavaksi, että toisen yksikön työntekijä tulee meille kertomaan työstään.",
        ),
    ),
    Idea(
        "Huoneentaulu asiakaskohtaamisesta",
        "Samassa paikassa yksi työntekijä on ystävällinen ja toinen tyly. En tiedä, kumpaan tänään törmään.",
        "Uskomme, että yhdessä kirjoitettu huoneentaulu asiakaskohtaamisen periaatteista yhtenäistää palvelua. Tiedämme onnistuneemme, kun asiakkaiden arvio ystävällisyydestä nousee 3,8:sta vähintään 4,3:een.",
        "- Kirjoitetaan tiimissä viisi periaatetta asiakaskohtaamiseen.\n- Laitetaan huoneentaulu esille asiakkaille ja henkilökunnalle.\n- Käydään yksi periaate läpi joka viikkopalaverissa.",
        ("suun", "uimahalli", "asumis", "ateria"),
        (INNOSTAJA, OSALLISUUS),
        ("asukkaat",),
        ("in_person",),
        M("Asiakkaiden arvio ystävällisyydestä", "1–5", 3.8, 4.3, 4.5, 3.9),
        (
            "Ystävällisyyden arvio nousi, ja asiakkaat mainitsivat huoneentaulun palautteissa.",
            "Kun periaatteet kirjoitetaan yhdessä, ne myös muistetaan. Viikoittainen läpikäynti piti asian esillä.",
        ),
        (
            "Huoneentaulu laitettiin seinälle, mutta se unohtui muutamassa viikossa, eikä arvio muuttunut.",
            "Seinälle laitettu taulu ei muuta tapoja. Seuraavaksi jokainen valitsee yhden periaatteen, jota harjoittelee kuukauden.",
        ),
    ),
    Idea(
        "Sanoitte – teimme -taulu",
        "Olen antanut palautetta monta kertaa, mutta en ole koskaan kuullut, tapahtuiko sille mitään.",
        "Uskomme, että palautteeseen vastaaminen viikon sisällä ja tehtyjen muutosten näyttäminen taululla lisää palautteen antamista. Tiedämme onnistuneemme, kun palautteiden määrä kaksinkertaistuu.",
        "- Vastataan jokaiseen nimelliseen palautteeseen viikon sisällä.\n- Päivitetään aulan taulu ja verkkosivu kuukausittain: sanoitte – teimme.\n- Lasketaan palautteiden määrä kuukausittain.",
        ("uimahalli", "liikunta", "keskuskeittio", "kadut"),
        (OSALLISUUS, INNOSTAJA),
        ("asukkaat", "perheet"),
        ("in_person", "social_media"),
        M("Saadut palautteet", "kpl/kk", 15, 30, 36, 16),
        (
            "Palautteiden määrä yli kaksinkertaistui, ja niiden sävy muuttui valittamisesta ehdotuksiksi.",
            "Palaute on lahja, johon pitää vastata. Kun asiakas näkee, että palautteella on merkitystä, hän antaa sitä lisää.",
        ),
        (
            "Taulu päivitettiin kahdesti, sitten se unohtui, eikä palautteiden määrä kasvanut.",
            "Tehtävä, jolla ei ole nimettyä vastuuhenkilöä, unohtuu. Vastuu kiertää jatkossa kuukausittain.",
        ),
    ),
    Idea(
        "Tiimin itsearvio kuukausittain",
        "Palvelun laatu vaihtelee viikosta toiseen, eikä kukaan tunnu huomaavan, kun asiat menevät huonompaan suuntaan.",
        "Uskomme, että tiimin kuukausittainen itsearvio 1–5 ja yksi kehityskohde kerrallaan nostavat palvelun tasoa. Tiedämme onnistuneemme, kun tiimin itsearvion keskiarvo nousee 3,2:sta 4:ään.",
        "- Arvioidaan kuukausittain oma palvelu asteikolla 1–5.\n- Valitaan yksi kehityskohde seuraavaksi kuukaudeksi.\n- Verrataan itsearviota asiakaspalautteeseen.",
        ("strategia", "aikuissos", "tyollisyys", "kiinteisto"),
        (KETTERA, INNOSTAJA),
        ("asukkaat",),
        ("in_person",),
        M("Tiimin itsearvio", "1–5", 3.2, 4.0, 4.1, 3.3),
        (
            "Itsearvio nousi tavoitteeseen, ja asiakaspalaute kulki samaan suuntaan.",
            "Kun tiimi itse mittaa ja valitsee, se myös sitoutuu. Yksi kehityskohde kerrallaan on riittävän pieni askel.",
        ),
        (
            "Itsearvio pysyi samana, koska kehityskohteita valittiin liian monta kerralla.",
            "Kaikkea ei voi parantaa kerralla. Opimme rajaamaan: yksi asia kuukaudessa, ja se valmiiksi ennen seuraavaa.",
        ),
    ),
    # --- across departments ---------------------------------------------------------------
    Idea(
        "Liikuntaneuvonta työnhakijoille",
        "Työttömänä päivät venyvät, kunto laskee ja mieli painuu. Liikunta maksaa, enkä tiedä, mistä aloittaa.",
        "Uskomme, että liikuntaneuvojan tapaaminen työllisyyspalveluiden yhteydessä ja maksuton kokeilukortti saavat työnhakijat liikkumaan säännöllisesti. Tiedämme onnistuneemme, kun puolet osallistujista liikkuu vielä kolmen kuukauden kuluttua viikoittain.",
        "- Liikuntaneuvoja päivystää työllisyyspalveluissa kerran viikossa.\n- Osallistujat saavat kolmen kuukauden kokeilukortin.\n- Soitetaan kolmen kuukauden päästä ja kysytään liikkumisesta.",
        ("liikunta", "tyollisyys", "uimahalli"),
        (OSALLISUUS, HILJAISET),
        ("tyonhakijat",),
        ("in_person",),
        M("Viikoittain liikkuvat kolmen kuukauden kuluttua", "%", 20, 50, 58, 25),
        (
            "Yli puolet osallistujista liikkui yhä viikoittain, ja moni kertoi mielialan ja unen parantuneen.",
            "Kahden palvelualan yhteistyö oli asiakkaalle helppoa, kun palvelu tuli sinne, missä hän jo asioi. Yhteistyötä jatketaan.",
        ),
        (
            "Kokeilukortteja otettiin, mutta käyntejä oli vähän, koska vuorot olivat työnhakijoille hankalaan aikaan.",
            "Maksuttomuus ei yksin riitä, jos ajat eivät sovi. Kokeilemme seuraavaksi ohjattua ryhmää aamupäivällä.",
        ),
    ),
    Idea(
        "Matalan kynnyksen vastaanotto ilman lähetettä",
        "Tiedän, että tarvitsisin apua, mutta ajan varaaminen ja lähete tuntuvat ylivoimaisilta, kun en jaksa edes soittaa.",
        "Uskomme, että kahtena päivänä viikossa avoin vastaanotto ilman lähetettä tavoittaa ihmiset ennen kriisiä. Tiedämme onnistuneemme, kun avoimella vastaanotolla käy viikossa vähintään 10 asiakasta, joista puolet uusia.",
        "- Avataan vastaanotto ma ja to klo 9–12 ilman ajanvarausta.\n- Kerrotaan siitä apteekissa, kirjastossa ja terveysasemalla.\n- Kirjataan käynnit ja jatko-ohjaus.",
        ("paihde", "aikuissos", "ohjaamo", "terveysasema"),
        (HILJAISET,),
        ("hiljaiset", "nuoret"),
        ("in_person",),
        M("Avoimen vastaanoton asiakkaat", "hlöä/vko", 2, 10, 14, 4),
        (
            "Avoimella vastaanotolla kävi viikoittain yli kymmenen asiakasta, ja moni ohjautui jatkohoitoon ensimmäistä kertaa.",
            "Kynnys on usein puhelu tai lomake, ei itse avun hakeminen. Avoin ovi näyttää, että apua saa heti.",
        ),
        (
            "Asiakkaita oli vähän, koska tieto avoimesta vastaanotosta ei kulkenut oikeisiin paikkoihin.",
            "Hiljaiset asiakkaat eivät lue kaupungin verkkosivuja. Seuraavaksi kerromme vastaanotosta kumppaneiden ja kokemusasiantuntijoiden kautta.",
        ),
    ),
    Idea(
        "Tekstiviesti kotihoidon käynnin viivästyessä",
        "Odotan hoitajaa ikkunan ääressä enkä uskalla lähteä mihinkään, kun en tiedä, milloin hän tulee.",
        "Uskomme, että tekstiviesti asiakkaalle tai omaiselle, kun käynti myöhästyy yli puoli tuntia, vähentää huolta ja soittoja. Tiedämme onnistuneemme, kun käynnin ajankohtaa koskevat soitot vähenevät puoleen.",
        "- Hoitaja lähettää valmiin tekstiviestin, kun käynti myöhästyy.\n- Viesti kertoo uuden arvioidun ajan.\n- Lasketaan omaisten ja asiakkaiden soitot käynnin ajankohdasta.",
        ("kotihoito", "asumis", "vanhus"),
        (DIGI, KETTERA),
        ("ikaihmiset", "omaishoitajat"),
        ("phone", "e_service"),
        M("Soitot käynnin ajankohdasta", "kpl/vko", 35, 17, 14, 31),
        (
            "Soitot käynnin ajankohdasta vähenivät yli puoleen, ja omaiset kertoivat arjen helpottuneen.",
            "Tieto myöhästymisestä on asiakkaalle melkein yhtä arvokasta kuin täsmällisyys. Valmis viestipohja teki tavasta nopean.",
        ),
        (
            "Viestit unohtuivat kiireessä juuri silloin, kun myöhästymisiä oli eniten.",
            "Kiireisimmällä hetkellä ei ehdi näppäillä. Selvitetään, voiko toiminnanohjausjärjestelmä lähettää viestin automaattisesti.",
        ),
    ),
    Idea(
        "Ennakkoneuvonta ennen lupahakemusta",
        "Hakemukseni palautettiin täydennettäväksi kahdesti. Olisin tarvinnut neuvoja ennen hakemista, en jälkikäteen.",
        "Uskomme, että maksuton 20 minuutin ennakkoneuvonta ennen hakemuksen jättämistä vähentää täydennyspyyntöjä ja nopeuttaa käsittelyä. Tiedämme onnistuneemme, kun täydennyspyyntöjen osuus laskee 45 %:sta alle 20 %:iin.",
        "- Avataan ajanvaraus ennakkoneuvontaan verkossa.\n- Neuvonta etänä tai paikan päällä.\n- Seurataan täydennyspyyntöjä ja käsittelyaikoja.",
        ("tekninen", "strategia", "konserni", "kiinteisto"),
        (KETTERA, DIGI),
        ("yritykset", "asukkaat"),
        ("e_service", "in_person"),
        M("Hakemukset, joihin pyydettiin täydennystä", "%", 45, 20, 17, 40),
        (
            "Täydennyspyynnöt vähenivät alle viidennekseen, ja käsittelyaika lyheni viikoilla.",
            "Aika, joka käytetään neuvontaan etukäteen, säästyy moninkertaisesti käsittelyssä. Yrittäjät kiittivät erityisesti etäneuvontaa.",
        ),
        (
            "Ennakkoneuvonnan varasivat lähinnä kokeneet hakijat, joiden hakemukset olivat jo valmiiksi hyviä.",
            "Palvelu tavoitti väärät asiakkaat. Seuraavaksi tarjotaan neuvontaa suoraan niille, jotka hakevat lupaa ensimmäistä kertaa.",
        ),
    ),
    Idea(
        "Nuorisotila auki perjantai-iltaisin",
        "Perjantai-iltana ei ole paikkaa, jossa olla. Silloin ollaan kaupan edessä tai parkkipaikalla.",
        "Uskomme, että nuorisotila auki perjantaisin klo 18–23 nuorten itse suunnittelemalla ohjelmalla tarjoaa turvallisen paikan viettää iltaa. Tiedämme onnistuneemme, kun perjantai-illoissa käy keskimäärin 30 nuorta.",
        "- Avataan nuorisotila perjantai-iltaisin kahdeksi kuukaudeksi.\n- Nuorten raati suunnittelee ohjelman.\n- Lasketaan kävijät ja kysytään toiveet.",
        ("nuoriso", "etsiva", "liikunta"),
        (OSALLISUUS, HILJAISET),
        ("nuoret",),
        ("in_person", "social_media"),
        M("Perjantai-illan kävijät", "hlöä", 0, 30, 41, 11),
        (
            "Perjantai-illoissa kävi kymmeniä nuoria, ja poliisin mukaan häiriöt keskustassa vähenivät.",
            "Kun nuoret suunnittelevat itse, he myös tulevat ja tuovat kaverinsa. Osallisuus ei ole kysely vaan vastuuta.",
        ),
        (
            "Kävijöitä oli vähemmän kuin toivottiin, koska ohjelma oli aikuisten suunnittelema.",
            "Nuorten raati perustettiin liian myöhään. Seuraavalla kierroksella nuoret päättävät ohjelmasta alusta asti.",
        ),
    ),
    Idea(
        "Hammastarkastus koulupäivän aikana",
        "Lapsen hammaslääkäri on aina keskellä työpäivää, ja minun pitää ottaa vapaata ja hakea hänet koulusta.",
        "Uskomme, että tarkastukset koulun tiloissa koulupäivän aikana säästävät perheiden aikaa ja vähentävät käyttämättä jääneitä aikoja. Tiedämme onnistuneemme, kun 90 % luokan oppilaista käy tarkastuksessa.",
        "- Suuhygienisti käy koululla kahtena päivänä.\n- Huoltajille lähetetään tieto ja suostumus Wilmassa.\n- Verrataan käyntiprosenttia vastaanottokäynteihin.",
        ("suun", "kouluterveys"),
        (OSALLISUUS, KETTERA),
        ("perheet", "nuoret"),
        ("in_person", "e_service"),
        M("Tarkastuksessa käyneet oppilaat", "%", 72, 90, 95, 78),
        (
            "Lähes kaikki oppilaat kävivät tarkastuksessa, ja huoltajat kiittivät säästyneestä työpäivästä.",
            "Palvelu asiakkaan luona on usein tehokkaampaa kuin asiakas palvelun luona. Kouluterveydenhuolto ja suun terveydenhuolto löysivät toisensa.",
        ),
        (
            "Käyntiprosentti nousi vain hieman, koska suostumuksia palautui vähän.",
            "Wilma-viesti hukkui muiden viestien joukkoon. Seuraavaksi suostumus kysytään vanhempainillassa ja opettajan kautta.",
        ),
    ),
    Idea(
        "Esitäytetty hakemuslomake",
        "Minulta kysytään joka kerta samat tiedot, jotka kaupungilla on jo. Lomakkeen täyttäminen vie tunnin.",
        "Uskomme, että hakemuslomake, jossa on valmiina jo tiedossa olevat tiedot, nopeuttaa hakemista ja vähentää virheitä. Tiedämme onnistuneemme, kun lomakkeen täyttöaika puolittuu ja virheelliset hakemukset vähenevät.",
        "- Valitaan yksi usein käytetty lomake.\n- Esitäytetään tiedot, jotka löytyvät jo asiakastiedoista.\n- Mitataan täyttöaika ja virheet viidellä asiakkaalla.",
        ("aikuissos", "tyollisyys", "asumis", "henkilosto"),
        (DIGI, KETTERA),
        ("asukkaat", "vammaiset"),
        ("e_service",),
        M("Lomakkeen täyttöaika", "min", 55, 25, 20, 50),
        (
            "Täyttöaika lyheni alle puoleen, ja virheelliset hakemukset vähenivät huomattavasti.",
            "Asiakkaan ei pitäisi kertoa meille sitä, minkä jo tiedämme. Pienikin esitäyttö kertoo, että asiakkaan aikaa arvostetaan.",
        ),
        (
            "Esitäyttö ei toiminut, koska tiedot olivat eri järjestelmissä, ja ne piti kopioida käsin.",
            "Tietojärjestelmien rajat tulivat vastaan. Kokeilu tuotti kuitenkin listan tiedoista, joita asiakkailta kysytään turhaan.",
        ),
    ),
    Idea(
        "Oppilaat mukaan vähentämään ruokahävikkiä",
        "Kouluruoka jää lautaselle, koska annos on liian iso tai ruoka ei maistu. Kukaan ei kysy meiltä oppilailta.",
        "Uskomme, että oppilaiden hävikkiraati, joka punnitsee hävikin ja ehdottaa muutoksia, vähentää hävikkiä ja lisää ruokailun arvostusta. Tiedämme onnistuneemme, kun hävikki vähenee neljänneksellä lukukaudessa.",
        "- Perustetaan oppilaista hävikkiraati.\n- Raati punnitsee hävikin viikoittain ja ehdottaa muutoksia.\n- Keittiö kokeilee yhtä ehdotusta kerrallaan.",
        ("keskuskeittio", "ateria", "kouluterveys"),
        (OSALLISUUS, INNOSTAJA),
        ("nuoret", "perheet"),
        ("in_person",),
        M("Koulun ruokahävikki", "kg/vko", 80, 60, 54, 78),
        (
            "Hävikki väheni yli neljänneksellä, ja raadin ideoima salaattipöydän järjestys levisi muihin kouluihin.",
            "Oppilaat keksivät ratkaisuja, joita emme olisi itse ajatelleet. Kun he mittaavat itse, he myös välittävät.",
        ),
        (
            "Raati innostui alussa, mutta kiinnostus hiipui, eikä hävikki juuri muuttunut.",
            "Nuoret tarvitsevat nopeita tuloksia. Seuraavaksi jokaisen viikon punnitus julkaistaan heti koulun infonäytöllä.",
        ),
    ),
)
