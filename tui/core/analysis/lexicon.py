"""The small bilingual news vocabulary the analysis relies on.

Rule-based on purpose: no German model is on PyPI and embedding libraries
fetch weights at run time. Each table maps German and English surface forms
to one language-neutral key, so `Tote` and `killed` compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.core.analysis.inflect import inflected

HEDGES: dict[str, str] = {
    "mindestens": "at_least",
    "wenigstens": "at_least",
    "at least": "at_least",
    "no fewer than": "at_least",
    "mehr als": "more_than",
    "über": "more_than",
    "ueber": "more_than",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "knapp über": "more_than",
    "bis zu": "up_to",
    "höchstens": "up_to",
    "maximal": "up_to",
    "up to": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "etwa": "about",
    "rund": "about",
    "ungefähr": "about",
    "circa": "about",
    "ca.": "about",
    "zirka": "about",
    "gut": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "geschätzt": "about",
    "geschätzte": "about",
    "schätzungsweise": "about",
    "fast": "almost",
    "beinahe": "almost",
    "nahezu": "almost",
    "knapp": "almost",
    "annähernd": "almost",
    "almost": "almost",
    "nearly": "almost",
    "close to": "almost",
    "weniger als": "less_than",
    "unter": "less_than",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
}

SCALES: dict[str, float] = {
    "tausend": 1e3,
    "thousand": 1e3,
    "tsd.": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mio": 1e6,
    "millions": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "billion": 1e12,
    "billionen": 1e12,  # German; English "billion" is fixed up by language
}

# surface form -> (normalised unit, factor to the unit)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0),
    "kilometer": ("m", 1000.0),
    "seemeilen": ("m", 1852.0),
    "seemeile": ("m", 1852.0),
    "nautical miles": ("m", 1852.0),
    "nautical mile": ("m", 1852.0),
    "kilometern": ("m", 1000.0),
    "kilometres": ("m", 1000.0),
    "kilometers": ("m", 1000.0),
    "kilometre": ("m", 1000.0),
    "zentimeter": ("m", 0.01),
    "zentimetern": ("m", 0.01),
    "centimetres": ("m", 0.01),
    "centimeters": ("m", 0.01),
    "centimetre": ("m", 0.01),
    "centimeter": ("m", 0.01),
    "cm": ("m", 0.01),
    "millimeter": ("m", 0.001),
    "millimetern": ("m", 0.001),
    "millimetres": ("m", 0.001),
    "millimeters": ("m", 0.001),
    "millimetre": ("m", 0.001),
    "mm": ("m", 0.001),
    "fuß": ("m", 0.3048),
    "feet": ("m", 0.3048),
    "foot": ("m", 0.3048),
    "ft": ("m", 0.3048),
    "zoll": ("m", 0.0254),
    "inches": ("m", 0.0254),
    "inch": ("m", 0.0254),
    "quadratkilometer": ("ha", 100.0),
    "quadratkilometern": ("ha", 100.0),
    "square kilometres": ("ha", 100.0),
    "square kilometers": ("ha", 100.0),
    "km²": ("ha", 100.0),
    "km2": ("ha", 100.0),
    "square miles": ("ha", 258.9988),
    "hektar": ("ha", 1.0),
    "hectares": ("ha", 1.0),
    "hectare": ("ha", 1.0),  # `a 45-hectare estate`: singular before its noun
    "acre": ("ha", 0.4046856),
    "ha": ("ha", 1.0),
    "acres": ("ha", 0.4046856),
    "nanogramm": ("ng", 1.0),
    "nanogram": ("ng", 1.0),
    "nanograms": ("ng", 1.0),
    "liter": ("l", 1.0),
    "litern": ("l", 1.0),
    "litres": ("l", 1.0),
    "litre": ("l", 1.0),
    "liters": ("l", 1.0),
    "kubikmeter": ("l", 1000.0),
    "kubikmetern": ("l", 1000.0),
    "cubic metres": ("l", 1000.0),
    "cubic meters": ("l", 1000.0),
    "grad celsius": ("°C", 1.0),
    "degrees celsius": ("°C", 1.0),
    "°c": ("°C", 1.0),
    "grad": ("°C", 1.0),
    "degrees": ("°C", 1.0),
    "m": ("m", 1.0),
    "meter": ("m", 1.0),
    "metern": ("m", 1.0),
    "metres": ("m", 1.0),
    "meters": ("m", 1.0),
    "metre": ("m", 1.0),
    "meilen": ("m", 1609.344),
    "miles": ("m", 1609.344),
    "mile": ("m", 1609.344),
    "knoten": ("kn", 1.0),
    "knots": ("kn", 1.0),
    "kn": ("kn", 1.0),
    "km/h": ("km/h", 1.0),
    "stundenkilometer": ("km/h", 1.0),
    "stundenkilometern": ("km/h", 1.0),
    "kilometer pro stunde": ("km/h", 1.0),
    "kilometern pro stunde": ("km/h", 1.0),
    "km pro stunde": ("km/h", 1.0),
    "kilometres per hour": ("km/h", 1.0),
    "kilometers per hour": ("km/h", 1.0),
    "mph": ("km/h", 1.609344),
    "miles per hour": ("km/h", 1.609344),
    "dollar": ("USD", 1.0),
    "us-dollar": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "usd": ("USD", 1.0),
    "$": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "euros": ("EUR", 1.0),
    "eur": ("EUR", 1.0),
    "€": ("EUR", 1.0),
    "pfund": ("GBP", 1.0),
    "pounds": ("GBP", 1.0),
    "£": ("GBP", 1.0),
    "franken": ("CHF", 1.0),
    "francs": ("CHF", 1.0),
    "chf": ("CHF", 1.0),
    "yen": ("JPY", 1.0),
    "rubel": ("RUB", 1.0),
    "roubles": ("RUB", 1.0),
    "rubles": ("RUB", 1.0),
    "prozentpunkte": ("pp", 1.0),
    "prozentpunkten": ("pp", 1.0),
    "percentage points": ("pp", 1.0),
    "prozent": ("%", 1.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "tonnen": ("t", 1.0),
    "tonnes": ("t", 1.0),
    "tons": ("t", 1.0),
    "kilogramm": ("t", 0.001),
    "kilogrammen": ("t", 0.001),
    "kilograms": ("t", 0.001),
    "kilogram": ("t", 0.001),
    "kilogrammes": ("t", 0.001),
    "kilos": ("t", 0.001),
    "kilo": ("t", 0.001),
    "kg": ("t", 0.001),
    "tonne": ("t", 1.0),
    "gramm": ("t", 1e-6),
    "grams": ("t", 1e-6),
    "jahre": ("year", 1.0),
    "jahren": ("year", 1.0),
    "years": ("year", 1.0),
    "monate": ("month", 1.0),
    "monaten": ("month", 1.0),
    "months": ("month", 1.0),
    "wochen": ("week", 1.0),
    "weeks": ("week", 1.0),
    "tage": ("day", 1.0),
    "tagen": ("day", 1.0),
    "days": ("day", 1.0),
    "stunden": ("hour", 1.0),
    "hours": ("hour", 1.0),
    "minuten": ("minute", 1.0),
    "minutes": ("minute", 1.0),
}

# counted noun (lower case, any listed form) -> what is counted
NOUNS: dict[str, str] = {}
_NOUN_GROUPS = {
    "soldiers": "soldat soldaten truppe truppen soldier soldiers troop troops kämpfer militärangehörige "
    "servicemen streitkräfte",
    "dead": "tote toten toter todesopfer getötete getöteten leiche leichen dead deaths fatalities killed "
    "body bodies",
    "injured": "verletzte verletzten verwundete verwundeten injured wounded injuries",
    "missing": "vermisste vermissten missing",  # `Zwei Vermisste`, the headline's `Two missing`
    "passengers": "passagier passagiere passagieren fahrgast fahrgäste fahrgästen fluggast fluggäste "
    "fluggästen reisende reisenden "
    "passenger passengers travellers travelers",
    "emergency workers": "einsatzkräfte einsatzkräften rettungskräfte rettungskräften helfer helferinnen "
    "feuerwehrleute kräfte kräften rescuers firefighters emergency_workers rescue_workers emergency_services",
    "employees": "arbeiter arbeitern mitarbeiter mitarbeitende mitarbeitenden mitarbeiterinnen beschäftigte "
    "beschäftigten angestellte angestellten employees staff workers",
    "officers": "offizier offiziere offizieren beamte beamten beamtinnen officer officers",
    "generals": "general generäle generälen generals",
    "sappers": "pionier pioniere pionieren sapper sappers",
    "construction workers": "bauarbeiter bauarbeitern",
    "civilians": "zivilist zivilisten civilians",
    "refugees": "flüchtling flüchtlinge flüchtlingen geflüchtete refugees",
    "prisoners": "gefangene gefangenen kriegsgefangene kriegsgefangenen prisoners pows",
    "children": "kinder kindern children",
    "residents": "einwohner einwohnern bewohner bewohnern anwohner anwohnern residents inhabitants",
    "people": "personen menschen leute people persons person mensch",
    "weapons": "waffen weapons",
    "jobs": "stellen arbeitsplätze jobs",
    "crew": "crew besatzung besatzungsmitglied besatzungsmitglieder besatzungsmitgliedern seeleute seeleuten "
    "seemann matrosen sailors seafarers crew_members",
    "police": "polizist polizisten polizistinnen polizeibeamte polizeibeamten polizeikräfte polizeikräften "
    "police policemen policewomen",
    "doctors": "arzt ärzte ärzten ärztinnen mediziner doctors physicians medics",
    "nurses": "pflegekräfte pflegekräften krankenschwestern pfleger pflegerinnen nurses",
    "patients": "patient patienten patientinnen patients",
    "beds": "betten bett beds",
    "students": "schüler schülern schülerinnen studenten studierende studierenden students pupils",
    "teachers": "lehrer lehrern lehrerinnen lehrkräfte lehrkräften teachers",
    "visitors": "besucher besuchern zuschauer zuschauern gäste gästen anhänger anhängern "
    "visitors spectators guests fans supporters",
    "protesters": "demonstranten demonstrantinnen demonstrierende protestierende protesters demonstrators",
    "participants": "teilnehmer teilnehmern teilnehmende teilnehmenden participants delegates",
    "voters": "wähler wählern wählerinnen voters",
    "votes": "stimmen votes",
    "seats": "sitze sitzen mandate mandaten seats",
    "members": "mitglied mitglieder mitgliedern members",
    "customers": "kunden kundinnen customers clients",
    "households": "haushalte haushalten households",
    "buildings": "gebäude gebäuden häuser häusern wohnhäuser wohnungen buildings houses homes apartments",
    "vehicles": "fahrzeug fahrzeuge fahrzeugen autos vehicles cars fire_engines fire_trucks",
    "trucks": "lastwagen lkw trucks lorries",
    "boats": "boot boote booten boats",
    "ships": "schiff schiffe schiffen ships vessels",
    "flights": "flug flüge flügen flights",
    "trains": "zug züge zügen trains",
    "aircraft": "flugzeug flugzeuge flugzeugen kampfjets aircraft planes jets",
    "tanks": "panzer tanks",
    "missiles": "rakete raketen marschflugkörper missiles rockets",
    "drones": "drohne drohnen drones",
    "animals": "tiere tieren animals",
    "migrants": "migranten migrantinnen asylbewerber asylsuchende migrants asylum-seekers",
    "hostages": "geisel geiseln hostages",
    "victims": "opfer opfern victims",
    "evacuees": "evakuierte evakuierten evacuees",
    "homeless": "obdachlose obdachlosen homeless",
    # a disease's cases are its sick: `14 Erkrankte` and `14 confirmed cases` count one group
    "sick": "erkrankte erkrankten kranke kranken infizierte infizierten sick infected fälle fällen "
    "infektionen neuinfektionen cases infections",
    "suspects": "verdächtige verdächtigen tatverdächtige tatverdächtigen suspects",
    "men": "männer männern men",
    "women": "frauen women",
    "operations": "operation operationen eingriffe eingriffen operations surgeries procedures",
    "callouts": "einsätze einsätzen callouts call-outs calls",
    "arrests": "festnahmen verhaftungen arrests",
    "companies": "firmen unternehmen betriebe companies firms businesses",
    "countries": "länder ländern staaten countries nations",
    "miners": "bergleute bergarbeiter kumpel miners",
    "tourists": "touristen urlauber urlaubern tourists holidaymakers",
    "inmates": "häftlinge häftlingen insassen inmates",
    "volunteers": "freiwillige freiwilligen ehrenamtliche volunteers",
    "helicopters": "hubschrauber hubschraubern helikopter helikoptern löschhubschrauber löschhubschraubern "
    "helicopters choppers",
    "villages": "dorf dörfer dörfern ortschaft ortschaften gemeinden ortsteil ortsteile ortsteilen "
    "kommunen villages communities hamlets municipalities",
    "hospitals": "krankenhaus krankenhäuser krankenhäusern klinik kliniken hospitals",
    # what investigators search: `14 Objekte`, `17 properties`
    "premises": "objekte objekten räumlichkeiten geschäftsräume geschäftsräumen premises properties",
    "beaches": "strand strände stränden badestelle badestellen badestrände badestränden beaches",
    "tickets": "tickets eintrittskarten karten",
    "security staff": "ordner ordnern sicherheitskräfte sicherheitskräften stewards guards",
    "paramedics": "sanitäter sanitätern notärzte paramedics",
    "ambulances": "rettungswagen krankenwagen notarztwagen ambulances ambulance",
    "drivers": "fahrer fahrerin fahrern busfahrer lokführer drivers driver",
    "satellites": "satellit satelliten kleinsatelliten satellite satellites",
    "hens": "hennen legehennen hühner hens chickens laying_hens",
}
for _concept, _words in _NOUN_GROUPS.items():
    for _word in _words.split():
        NOUNS[_word.replace("_", " ")] = _concept  # `emergency_workers`: two words
# A German noun made of an adjective or participle also ends in -n (`die Demonstrierenden`,
# `den Verdächtigen`): the form the groups do not list; not where that is another word
# (`Policen` are insurance policies, `betrieben` is operated).
NOUNS.update(
    {
        f"{w}n": c
        for w, c in list(NOUNS.items())
        if w.endswith("e")
        and len(w) >= 6
        and f"{w}n" not in NOUNS
        and w not in ("police", "people", "betriebe")
    }
)
# The feminine plural counts the group too (`61.400 Besucherinnen und Besucher`,
# `Mitarbeiterinnen`): a German noun in -er takes -innen.
NOUNS.update(
    {
        f"{w}innen": c
        for w, c in list(NOUNS.items())
        if w.endswith("er") and len(w) >= 5 and w.isalpha() and f"{w}innen" not in NOUNS
    }
)


def noun_concept(low: str) -> str:
    """What a lower-case noun counts, or "". German compounds are not read by their
    head: `Leiharbeiter` and `Schwerverletzte` are subsets of workers and injured,
    and comparing them with the whole would be a false contradiction."""
    found = NOUNS.get(low, "")
    if not found and len(low) >= 8 and low.endswith(("toten", "tote")):
        return "dead"  # `Badetote`, `Verkehrstoten`: the dead, by what killed them
    if found or len(low) < 9 or not low.startswith(_NEUTRAL_PREFIXES):
        return found
    # `Rettungshubschrauber`, `Löschfahrzeuge`: a prefix that says what they are for,
    # not which of them, so the head counts (unlike `Leiharbeiter`).
    for prefix in _NEUTRAL_PREFIXES:
        if low.startswith(prefix) and NOUNS.get(low[len(prefix) :]):
            return NOUNS[low[len(prefix) :]]
    return ""


_NEUTRAL_PREFIXES = ("rettungs", "lösch", "einsatz", "polizei", "feuerwehr", "transport")


GENERIC = frozenset({"people"})
# When only one side says what happened, these counts compare anyway if the other
# side's predicate is the usual one: emergency workers and police are there deployed.
USUAL_PREDICATE: dict[str, str] = {
    "emergency workers": "deployed",
    "police": "deployed",
    "visitors": "attended",
    "employees": "employed",
    # machines a service sends: `two helicopters dropped water` were deployed
    "helicopters": "deployed",
    "vehicles": "deployed",
    "aircraft": "deployed",
    "boats": "deployed",
}

# predicate class -> word forms (lower case)
PREDICATES: dict[str, str] = {}
_PREDICATE_GROUPS = {
    "deployed": "verlegt verlegen verlegte verlegung geschickt schickte schicken entsandt entsenden "
    "entsendet entsandte entsendung stationiert stationierung eingetroffen befinden befindet "
    "angekommen trainingsprogramme ausbildung militärausbildungsstätten eingesetzt mobilisiert "
    "bekämpften bekämpfen kämpften responded sent deployed deploy deployment stationed arrived dispatched "
    "mobilised mobilized fought battled transferred relocated",
    "killed": "getötet getöteten tot starb starben gestorben ums killed died dead kill killing kills "
    "ertrunken ertranken ertrank drowned verendet verendeten verendete",  # drowning is dying; animals perish
    "injured": "verletzt verwundet verletzungen injured wounded hurt injuries injuring wounding injures "
    "wounds",
    "missing": "vermisst missing",
    "evacuated": "evakuiert evakuierten evakuieren evakuierung räumung geräumt räumen evacuated evacuate "
    "evacuation",
    "spread": "ausgebreitet breitete ausgedehnt dehnte erfasste erfasst spread spreading",
    "arrested": "festgenommen festnehmen festzunehmen verhaftet inhaftiert arrested detained arresting",
    "massed": "zusammengezogen zusammenziehen massed amassed gathered streitmacht",
    "rescued": "gerettet geborgen rescued saved",
    "buried": "verschüttet verschüttete verschütteten buried",
    "delivered": "geliefert lieferte lieferung delivered supplied",
    "paid": "gehalt erhalten lohn paid salary",
    "cut": "entlassen entlässt entließ gestrichen streicht streichen abgebaut abbauen weg wegfallen laid cut "
    "cuts slash slashed",
    "hospitalised": "hospitalised hospitalized",
    "affected": "betroffen affected",
    "protested": "demonstrierten protestierten demonstrieren protestieren protested marched rallied",
    "struck": "streikten streiken streik warnstreik ausstand niedergelegt strike striking walkout",
    "demanded": "fordert fordern forderte forderung gefordert verlangt verlangte demanding demands demanded "
    "demand",
    "offered": "bietet bot angeboten angebot offered offering offers",
    "postponed": "verschoben abgesagt postponed cancelled canceled",
    "seized": "sichergestellt beschlagnahmt seized seize seizure",
    "searched": "durchsucht durchsuchten durchsuchte durchsuchung searched raided",
    "smuggled": "geschmuggelt schmuggelten schmuggelte smuggled smuggling",
    "capacity": "platz plätze fasst fassen kapazität fassungsvermögen capacity holds",
    "employed": "beschäftigt beschäftigen employs employed employ",
    "attended": "besuchten verfolgten attended watched watching",
    "infected": "infiziert angesteckt erkrankt erkrankten erkrankte infected ill sick sickened",
    "displaced": "obdachlos vertrieben geflohen flohen flüchteten displaced fled homeless",
    "cost": "kosten kostet kostete gekostet cost costs costing",
    "destroyed": "zerstört zerstörte vernichtet vernichteten verbrannt abgebrannt niedergebrannt verwüstet "
    "destroyed burned burnt burns scorched razed gutted",
}
for _class, _words in _PREDICATE_GROUPS.items():
    for _word in _words.split():
        PREDICATES[_word] = _class
# Forms the groups do not list (`verletzten`, `festgenommene`, `evacuating`, `arrests`). A German
# one is a predicate only in lower case: `Verletzte` and `Beschäftigte` are the people it befell.
INFLECTED: dict[str, str] = inflected(PREDICATES)
GERMAN_INFLECTED = frozenset(inflected(PREDICATES, english=False))
ANY_PREDICATE: dict[str, str] = {**INFLECTED, **PREDICATES}  # one look-up per word read
# "ums Leben gekommen", "das Leben gekostet": killed
# Searched in the lower-cased sentence when no single word names the predicate.
PREDICATE_PHRASES = (
    ("leben gekostet", "killed"),
    ("ums leben", "killed"),
    ("lost their lives", "killed"),
    ("laid off", "cut"),
    ("im einsatz", "deployed"),
    ("vor ort", "deployed"),
    ("on site", "deployed"),
    ("at the scene", "deployed"),
    ("on the scene", "deployed"),
    ("in sicherheit", "evacuated"),  # `gebracht`, or `brachten 120 Bewohner in Sicherheit`
    ("ins krankenhaus", "hospitalised"),
    ("in krankenhäuser", "hospitalised"),
    ("taken to hospital", "hospitalised"),
    ("were treated", "injured"),
    ("was treated", "injured"),
    ("ambulant behandelt", "injured"),
    ("in hospital", "hospitalised"),
    # where the counted are now: in a hospital bed, in custody
    ("im krankenhaus", "hospitalised"),
    ("in der klinik", "hospitalised"),
    ("stationär behandelt", "hospitalised"),
    ("in custody", "arrested"),
    ("in haft", "arrested"),
    ("in untersuchungshaft", "arrested"),
    ("behind bars", "arrested"),
    ("ohne strom", "without power"),
    ("without power", "without power"),
    ("without electricity", "without power"),
    ("lost power", "without power"),
    ("häuser verlassen", "evacuated"),
    ("wohnungen verlassen", "evacuated"),
    ("leave their homes", "evacuated"),
    ("left their homes", "evacuated"),
    ("flee their homes", "evacuated"),
    ("fled their homes", "evacuated"),
    ("arbeit niedergelegt", "struck"),
    ("in gewahrsam", "arrested"),
    ("into custody", "arrested"),
    ("auf die straße", "protested"),
    ("went on strike", "struck"),
    ("legten die arbeit nieder", "struck"),
)

# A figure in a sentence with one of these is possible or planned, not a fact.
MODALITY: dict[str, str] = {}
for _word in (
    "könnte könnten befürchtet befürchten befürchtung fürchtet drohen droht "
    "möglicherweise could might feared fears fear possibly potentially ob falls whether if unless"
).split():
    MODALITY[_word] = "possible"
# `said it would cut 1,500 jobs`, `es würden 1.200 Stellen wegfallen`: what is to come, as reported
for _word in "plant planen geplant planned plans plan soll würde würden would".split():
    MODALITY[_word] = "planned"

# adjective stem or genitive -> who the counted people belong to
QUALIFIERS: dict[str, str] = {
    "nordkoreanisch": "north korea",
    "nordkoreas": "north korea",
    "north korean": "north korea",
    "südkoreanisch": "south korea",
    "südkoreas": "south korea",
    "south korean": "south korea",
    "ukrainisch": "ukraine",
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "ukraines": "ukraine",
    "russisch": "russia",
    "russlands": "russia",
    "russian": "russia",
    "amerikanisch": "usa",
    "us-amerikanisch": "usa",
    "american": "usa",
    "deutsch": "germany",
    "german": "germany",
    "chinesisch": "china",
    "chinese": "china",
    "israelisch": "israel",
    "israeli": "israel",
    "palästinensisch": "palestine",
    "palestinian": "palestine",
    "französisch": "france",
    "french": "france",
    "britisch": "uk",
    "british": "uk",
    "gegnerisch": "enemy",
    # the visiting side's fans are a part of the crowd
    "away": "away",
    "visiting": "away",
    "travelling": "away",
    "angereist": "away",
    "mitgereist": "away",
    "feindlich": "enemy",
    "enemy": "enemy",
}

# event class -> word forms; dates of one event are compared
EVENTS: dict[str, str] = {}
_EVENT_GROUPS = {
    "signed": "unterzeichnet unterzeichnete unterzeichneten unterzeichnen unterzeichnung unterschrieben "
    "signed signing sign",
    "ratified": "ratifiziert ratifizierte ratifizieren ratifizierung ratified ratification ratify",
    "advance": "vorstoß vorgerückt vorrücken einmarsch einmarschiert incursion advanced invaded invasion",
    "began": "beginn begann begonnen began start started begin",
    # `the quake struck`: struck says nothing of what struck, so it names no event
    "attack": "angriff angriffe anschlag attack attacked",
    "theft": "einbruch einbrüche diebstahl raub raubüberfall überfall beutezug gestohlen entwendet erbeutet "
    "theft heist robbery burglary break-in stolen stole robbed",
    "aftershock": "nachbeben aftershock aftershocks",
    "landslide": "erdrutsch hangrutsch mure muren murenabgang murgang landslide landslides mudslide "
    "mudslides",
    "rescue": "rettung rettungsaktion rescue",
    # `Der Einsatz dauerte neun Stunden` / `The operation lasted 14 hours`
    "operation": "einsatz rettungseinsatz bergungseinsatz operation",
    "trial": "prozess prozessauftakt strafprozess trial",
    "discovered": "entdeckt entdeckung entdeckte discovered discovery detected bemerkt bemerkte bemerkten "
    "noticed spotted gesichtet sighted",
    "arrived": "eingetroffen angekommen ankam ankunft arrived arrival",
    "met": "treffen trafen getroffen met meeting summit gipfel versammlung betriebsversammlung",
    "died": "starb gestorben died death",
    "elected": "gewählt wahl elected election",
    # a runoff is its own event, weeks after the first round: its date is none of the election's
    "runoff": "stichwahl stichwahlen runoff run-off runoffs",
    "raid": "razzia razzien durchsuchung durchsuchungen durchsuchten durchsucht raid raids raided searched",
    "fire": "brand großbrand feuer fire blaze",
    "grounded": "aground havarie havariert strandete gestrandet",
    "breach": "bruch burst breach breached breaches gebrochen",
    "collapse": "einsturz eingestürzt einstürzte collapsed collapse erdfall erdfälle sinkhole sinkholes "
    "abgesackt absackte sackte caved cave-in",
    "match": "spiel partie anpfiff match game kickoff kick-off",
    "concert": "konzert concert",
    "explosion": "explosion explodierte explodiert detonation exploded blast",
    # what escapes from a tank, a pipe, a ship: gas, oil, chemicals
    "leak": "leck lecks leckage ausgetreten austritt leak leaks leaked leaking spill spilled",
    # a coach `crash` is an `Unfall`: one kind, whatever the vehicle
    "accident": "unfall verunglückt zusammenstoß kollision kollidierte accident collision collided "
    "absturz abgestürzt crashed crash umgestürzt umgekippt kippte abgekommen overturned overturns "
    "rolled",
    "derailed": "entgleist entgleisung entgleiste derailed derailment",
    "sank": "gesunken sank sinking untergang kenterte gekentert capsized",
    "flood": "hochwasser überschwemmung überschwemmungen überflutet überflutung flood floods flooding "
    "flooded",
    "earthquake": "erdbeben beben earthquake quake",
    "storm": "sturm sturmtief unwetter orkan storm hurricane",
    "strike": "streik warnstreik streikten ausstand niedergelegt strike walkout",
    "protest": "demonstration kundgebung protest protests rally",
    "arrest": "festnahme festgenommen verhaftet arrest arrested detained",
    "hike": "tour tagestour bergtour wanderung wanderungen aufgebrochen hike hiking trek",
    "verdict": "urteil verurteilt verdict sentenced convicted",
    "resigned": "rücktritt zurückgetreten resigned resignation",
    "opened": "eröffnet eröffnung opened opening inaugurated",
    "closed": "geschlossen schließung schließen schliessen gesperrt sperrung closed closure close closing",
    "evacuation": "evakuierung evacuation",
    "landed": "gelandet landung landed landing notlanden notgelandet",
    "departed": "abfahrt ausgelaufen abgelegt departed departure sailed",
    "shooting": "schüsse schießerei shooting",
    "launched": "gestartet launched launch",
    # `Ausbruch` is an outbreak and a prison break alike: one kind for both
    "outbreak": "ausbruch ausbrüche outbreak breakout ausgebrochen",
    "vote": "abstimmung abgestimmt referendum vote voted",
    "agreed": "einigung geeinigt agreed",
    "ceasefire": "waffenruhe waffenstillstand ceasefire truce",
    "released": "freigelassen freilassung released release",
    "kidnapped": "entführt entführung kidnapped abducted kidnapping",
    "announced": "angekündigt ankündigung bekanntgegeben bekanntgab announced announcement unveiled",
    "interrupted": "unterbrochen unterbrechung abgebrochen abbruch halted interrupted abandoned",
    "goal": "tor treffer goal scored",
    "passed": "passiert passierte passierten passed",
    # a company's failure and its beginning: `Insolvenzantrag gestellt`, `founded in 1958`
    "insolvency": "insolvenzantrag insolvenzantrags insolvenz insolvency bankruptcy",
    "founded": "gegründet gründung founded",
    "recall": "rückruf rückrufaktion zurückgerufen recall recalled",
    "bought": "gekauft kaufte erworben erwarb ankauf bought acquired purchased purchase",
    "suspended": "beurlaubt beurlaubte freigestellt suspendiert suspendierte suspended suspension",
    "investigation": "ermittlungen investigation inquiry",
}
for _class, _words in _EVENT_GROUPS.items():
    for _word in _words.split():
        EVENTS[_word] = _class
# Who did it names the event of a date (`die Diebe kamen am Montag`, `thieves struck on
# Sunday`), not of a time of day, which another report gives without them.
AGENTS = {w: "theft" for w in "diebe dieben einbrecher einbrechern räuber thieves burglars robbers".split()}
AGENTS["custody"] = "arrest"  # `taken into custody Sunday`; `in custody since 6.20 p.m.` is no arrest's time
# German compound nouns end in the event: `Deichbruch`, `Waldbrand`, `Verkehrsunfall`.
_EVENT_HEADS = tuple(
    sorted(
        (
            "bruch brand feuer einsturz absturz unfall beben anschlag angriff streik explosion landung "
            "hochwasser gipfel wahl treffen urteil ausbruch sturm spiel einbruch diebstahl raub überfall "
            "nachbeben rettung prozess versammlung"
        ).split(),
        key=len,
        reverse=True,
    )
)
_EVENT_HEAD_CLASS = {
    "bruch": "breach",
    "feuer": "fire",
    "beben": "earthquake",
    "anschlag": "attack",
    "absturz": "accident",
    "einbruch": "theft",
    "diebstahl": "theft",
    "raub": "theft",
    "überfall": "theft",
    "nachbeben": "aftershock",
    "rettung": "rescue",
    "prozess": "trial",
    "versammlung": "met",
}


def event_kind(low: str, agents: bool = True) -> str:
    """The event a lower-case word names, also as the end of a German compound; or ""."""
    found = EVENTS.get(low) or (AGENTS.get(low) if agents else None)
    if not found and len(low) > 7 and low.endswith(("te", "ten", "tes", "ter", "tem")):
        # an attributive participle: `die eröffnete Brücke`, `des eingestürzten Teils`
        found = EVENTS.get(low.rstrip("nmrs")[:-1]) or EVENTS.get(low.rstrip("nmrs"))
    if found or len(low) < 7 or not low.endswith(_EVENT_HEADS):  # one C call rules most words out
        return found or ""
    for head in _EVENT_HEADS:
        if low.endswith(head) and len(low) - len(head) >= 3:
            return _EVENT_HEAD_CLASS.get(head) or EVENTS[head]
    return ""


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar jänner january jan",
        "februar february feb",
        "märz maerz march mär mar",
        "april apr",
        "mai may",
        "juni june jun",
        "juli july jul",
        "august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "dezember december dez dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "montag monday",
        "dienstag tuesday",
        "mittwoch wednesday",
        "donnerstag thursday",
        "freitag friday",
        "samstag sonnabend saturday",
        "sonntag sunday",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _number

ROLES = frozenset(
    (
        "präsident präsidenten präsidentin machthaber staatschef kremlchef regierungschef "
        "minister ministerin "
        "verteidigungsminister außenminister aussenminister kanzler kanzlerin sprecher sprecherin "
        "geschäftsführer geschäftsführerin direktor direktorin kommunikationsdirektor chef chefin "
        "generalsekretär premierminister bürgermeister bürgermeisterin polizeisprecher meteorologe "
        "verhandlungsführer verhandlungsführerin negotiator meteorologist "
        "president spokesman spokeswoman spokesperson chancellor director ceo chief secretary leader "
        "mayor governor einsatzleiter einsatzleiterin kommandant kommandantin kreisbrandmeister trainer "
        "trainerin coach captain kapitän commander manager schiedsrichter schiedsrichterin referee "
        "torwart torhüter goalkeeper richter richterin judge staatsanwalt staatsanwältin prosecutor "
        "landrat landrätin pilot pilotin officer leiter vorsitzende vorsitzender chairman chairwoman "
        "head anwalt anwältin rechtsanwalt rechtsanwältin verteidiger verteidigerin lawyer attorney arzt "
        "ärztin tierarzt tierärztin amtstierarzt amtstierärztin doctor vet veterinarian "
        "finanzvorstand finanzvorständin personalvorstand personalvorständin dezernent dezernentin "
        "kulturdezernent kulturdezernentin executive"
    ).split()
)

# Stance cues; the first that matches a sentence wins, so "neither ... nor" comes first.
STANCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"weder\s+bestätigt\s+noch\s+dementiert|neither\s+confirmed\s+nor\s+denied", "no_comment"),
    (r"ohne\s+[\w\s]{0,40}?zu\s+dementieren|without\s+denying", "no_comment"),
    (
        r"nicht\s+[\w\s]{0,60}?geäußert|äußerte\s+sich\s+[\w\s]{0,30}?nicht|wollte\s+sich\s+[\w\s]{0,30}?"
        r"nicht\s+äußern|declined\s+to\s+comment|refused\s+to\s+comment|(?:would|did|has|have)\s+not\s+"
        r"(?:yet\s+)?comment(?:ed)?|no\s+comment|kein\s+kommentar|"
        r"lehnte\s+[\w\s]{0,30}?stellungnahme\s+ab|keine\s+stellungnahme|gab\s+keine\s+auskunft|"
        r"unbeantwortet|did\s+not\s+(?:immediately\s+)?respond\s+to\s+(?:a\s+)?requests?\s+for\s+comment",
        "no_comment",
    ),
    (
        r"zurückgewiesen|weist\s+[\w\s]{0,60}?zurück|wies(?:en)?\s+[\w\s]{0,60}?zurück|dementiert|bestritten|"
        r"bestreitet|bestritt|dementierte|denied|denies|rejected|rejects|refuted|"
        r"stritt\s+[\w\s]{0,60}?ab\b|widersprach|dismissed\s+(?:reports|claims|suggestions)",
        "denies",
    ),
    (
        r"bestätigt|bestätigte|bestätigen|confirmed|confirms|räumte\s+[\w\s]{0,40}?ein\b|eingeräumt|"
        r"admitted|acknowledged",
        "confirms",
    ),
)

STOPWORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder aber auch noch nur schon bereits "
    "mit von vom für auf in im an am nach zu zum zur bei aus über unter vor seit während laut als wie "
    "weitere weiteren sind ist war waren wurde wurden werden haben hat hatte es sie er wir ihr "
    "the a an and or of to in on at by for with from as is are was were be been has have had that this "
    "these those its their his her more most other further some".split()
)

# Places every article of a story names: sharing them says nothing about the event.
PLACES = frozenset(
    (
        "ukraine ukrain russland russia russlands nordkorea nordkoreas südkorea südkoreas korea usa "
        "deutschland germany china israel moskau moscow kiew kyiv pjöngjang pyongyang washington berlin "
        "seoul peking beijing europa europe"
    ).split()
)

# Who acts and what it is about, across languages: institutions and the common
# nouns of news stories. A stance's actor or an event's topic named `Landkreis`
# in one outlet and `the district` in another is the same; so is `Abkommen` and
# `the deal`. Multi-word English forms are matched as phrases.
_TERM_GROUPS = {
    "government": "regierung bundesregierung landesregierung kabinett government cabinet administration",
    "parliament": "parlament bundestag landtag parliament legislature congress",
    "police": "polizei police",
    "fire brigade": "feuerwehr fire-brigade fire-service fire-department firefighters",
    "army": "armee militär streitkräfte bundeswehr army military",
    "ministry": "ministerium ministry",
    "district": "landkreis kreis bezirk kreisverwaltung district county",
    "city": "stadt stadtverwaltung gemeinde rathaus city council municipality town",
    "state": "bundesland land state",
    "port authority": "hafenbehörde port-authority",
    "authorities": "behörde behörden verwaltung authority authorities officials",
    "company": "unternehmen firma konzern betreiber company firm operator group",
    "shipping company": "reederei shipping-company shipping-line",
    "airline": "fluggesellschaft airline carrier",
    "railway": "bahn railway rail-operator",
    "pay": "lohn löhne gehalt gehälter lohnerhöhung pay wage wages salary salaries",
    "value": "wert straßenverkaufswert marktwert value street-value",
    "damage": "schaden schäden sachschaden damage damages",
    "month": "monat monats month",
    "cocaine": "kokain cocaine",
    "drugs": "drogen rauschgift drugs narcotics",
    "prosecutors": "staatsanwaltschaft staatsanwalt prosecutors prosecutor prosecution",
    # who speaks for a client: `Ein Anwalt des Weinguts dementierte`, `a lawyer for the estate confirmed`
    "lawyer": "anwalt anwältin anwalts rechtsanwalt rechtsanwältin verteidiger verteidigerin lawyer lawyers "
    "attorney attorneys",
    "court": "gericht court",
    "zoo": "zoo tierpark tiergarten",
    "museum": "museum museums",
    "hospital": "krankenhaus klinik klinikum hospital",
    "union": "gewerkschaft union",
    "organisers": "veranstalter organisers organizers organiser organizer",
    "club": "verein klub club",
    "stadium": "stadion arena stadium",
    "coast guard": "küstenwache coast-guard coastguard",
    "relief agency": "hilfswerk relief-agency",
    "weather service": "wetterdienst weather-service",
    "red cross": "rotes-kreuz roten-kreuz red-cross",
    "united nations": "uno vereinte-nationen un united-nations",
    "agreement": "abkommen vereinbarung vertrag deal agreement treaty accord",
    "dike": "deich deiches damm dike dyke levee dam",
    "river": "fluss flusses river",
    "port": "hafen port harbour harbor",
    "warehouse": "lagerhalle warehouse",
    "building": "gebäude building",
    "bridge": "brücke bridge",
    "ship": "schiff fähre frachter ship ferry vessel freighter",
    "train": "zug ice intercity regionalzug train",
    "plane": "flugzeug maschine plane aircraft",
    "school": "schule school",
    "factory": "werk fabrik factory plant",
    "batteries": "batterien akkus batteries",
    "fire": "brand feuer fire blaze",
    "explosion": "explosion blast",
    "water level": "pegel pegelstand wasserstand water-level",
    "election": "wahl election",
    "budget": "haushalt budget",
    "report": "bericht berichte report reports",
    "investigation": "ermittlungen untersuchung investigation inquiry probe",
    "tickets": "tickets eintrittskarten karten",
    "sale": "verkauft verkaufte verkaufen sold",
    "find": "gefunden entdeckt found discovered",
    "inspection": "geprüft überprüft inspected checked inspection",
    "barrier": "geländer absperrung wellenbrecher barrier railing crash-barrier",
    "accelerant": "brandbeschleuniger accelerant",
    "data": "daten data",
    "theft": "gestohlen entwendet erbeutet abgeflossen stolen leaked theft",
    "ransom": "lösegeld ransom",
    # what a length measures, so that the amounts of one dimension meet across languages
    "depth": "tiefe tief depth deep below-the-surface below-ground underground unter-tage",
    "width": "breite breit width wide",
    # the one value of its kind a story reports (a temperature on other days is another reading)
    "record": "rekord rekordwert rekordtemperatur höchstwert höchsttemperatur record highest hottest "
    "all-time",
}
TERMS: dict[str, str] = {}
for _concept, _words in _TERM_GROUPS.items():
    for _word in _words.split():
        TERMS[_word.replace("-", " ")] = _concept
_TERM_HEADS = (
    "behörde",
    "verwaltung",
    "ministerium",
    "regierung",
    "polizei",
    "feuerwehr",
    "gericht",
    "wert",
    "unternehmen",
    "daten",
    "rekord",  # `Hitzerekord`, `Temperaturrekord`
)


def term_of(low: str) -> str:
    """The concept of one lower-case word, also as the end of a German compound
    (`Wasserbehörde`) or of a hyphenated one (`Lithium-Batterien`)."""
    found = TERMS.get(low)
    if found:
        return found
    if len(low) > 6 and low.endswith("s") and TERMS.get(low[:-1]):
        return TERMS[low[:-1]]  # a German genitive: `des Klinikums`
    if "-" in low:
        return term_of(low.rsplit("-", 1)[1])
    if len(low) < 9 or not low.endswith(_TERM_HEADS):
        return ""
    for head in _TERM_HEADS:
        if low.endswith(head) and len(low) - len(head) >= 3:
            return TERMS.get(head, "")
    return ""


_PHRASES = sorted((t for t in TERMS if " " in t), key=len, reverse=True)
_TERM_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, _PHRASES)) + r")\b")


def terms_in(low_text: str, lowers: Iterable[str]) -> set[str]:
    """The concepts named in a lower-cased text, by its words and its multi-word phrases."""
    found = {c for c in map(term_of, lowers) if c}
    if " " in low_text:
        found.update(TERMS[m.group()] for m in _TERM_PHRASE.finditer(low_text))
    return found
