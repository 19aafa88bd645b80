"""The Dutch words the minutes grammar listens for, in one place (pure data).

Months come from the one Dutch vocabulary (:mod:`orsheet.dutch`); the rest is
particular to minutes: the verbs of someone taking on a task, the roles that
can own an action, the words that say something is done.
"""

from __future__ import annotations

from orsheet.dutch import MONTH_NUMBERS

# Longest first, so "september" wins over "sep" in an alternation.
MONTH_WORDS: tuple[str, ...] = tuple(sorted(MONTH_NUMBERS, key=len, reverse=True))

# Someone taking on a task: "Jan gaat ...", "Jan zal ...", "Jan zorgt voor ...".
# With these a capitalised word is owner enough even when nobody is listed.
FUTURE_VERBS = frozenset({"zal", "zullen", "gaat", "gaan", "zorgt", "zorgen"})
# Verbs of doing a task in the present tense ("Amal stuurt een testversie"):
# only with a person the minutes or the Personen sheet name, or a role.
TASK_VERBS = frozenset({
    "stuurt", "sturen", "verstuurt", "versturen", "mailt", "mailen", "informeert", "informeren",
    "vraagt", "vragen", "schrijft", "schrijven", "maakt", "maken", "regelt", "regelen", "belt", "bellen",
    "bekijkt", "bekijken", "zoekt", "zoeken", "prikt", "prikken", "plant", "plannen", "organiseert",
    "organiseren", "nodigt", "nodigen", "kopieert", "kopiëren", "brengt", "brengen", "verwerkt", "verwerken",
    "benadert", "benaderen", "checkt", "checken", "controleert", "controleren", "legt", "leggen", "bereidt",
    "bereiden", "levert", "leveren", "neemt", "nemen", "pakt", "pakken", "past", "passen", "scant", "scannen",
    "zet", "zetten", "agendeert", "agenderen", "stelt", "stellen", "laat", "laten", "doet", "doen",
    "vertegenwoordigt", "vertegenwoordigen", "schaaft", "schaven", "coördineert", "coördineren",
    "inventariseert", "inventariseren", "onderzoekt", "onderzoeken", "koppelt", "koppelen", "werkt",
    "overlegt", "overleggen", "kijkt", "kijken", "promoot", "promoten", "reserveert", "reserveren",
    "zegt", "zeggen",  # only with "toe": "De bestuurder zegt toe de cijfers te sturen"
    "leest", "lezen",  # "Truus leest het advies mee"
    "voert", "voeren", "houdt", "houden", "volgt", "volgen", "bespreekt", "bespreken",
    "stemt", "stemmen", "verzorgt", "verzorgen", "verstrekt", "bezoekt", "bezoeken", "benoemt", "werft", "werven",
})
# What follows a verb when the sentence reports talk rather than a task:
# "vraagt of", "stelt voor", "laat zien", "doet de suggestie", "gaat akkoord".
NOT_A_TASK_AFTER = {
    "vraagt": {"of", "op", "hoe", "wat", "waarom", "wanneer", "welke", "wie", "waar", "zich", "naar", "aandacht"},
    "vragen": {"of", "hoe", "wat", "waarom", "wanneer", "welke", "wie", "waar", "zich", "naar"},
    "stelt": {"voor", "vast", "zich", "dat"},
    "laat": {"zien", "blijken", "merken", "weten"},
    "doet": {"de", "een", "mededeling", "verslag", "zijn", "haar"},
    "gaat": {"akkoord", "over", "om", "goed", "prima", "niet"},
    "gaan": {"akkoord", "over", "om", "goed", "prima", "niet"},
    "zal": {"niet", "worden"},
    "zullen": {"niet", "worden"},
    "werkt": {"bij", "als", "aan", "in", "mee", "niet"},
    "kijkt": {"terug", "uit"},
    "zorgt": {"niet"},
    "neemt": {"deel", "kennis", "afscheid", "plaats", "waar"},
    "legt": {"uit", "voor"},
    "houdt": {"zich", "rekening", "vast", "van", "op"},
    "houden": {"zich", "rekening", "vast", "van", "op"},
    "volgt": {"nog", "later", "binnenkort", "na"},
    "bespreekt": {"met"},
}
# "Marcel neemt deze aanbevelingen mee": advice taken to heart is no task, unless it goes somewhere
# ("neemt de opmerkingen mee in de uitwerking", "... mee naar het MT").
ADVICE_WORDS = frozenset({
    "aanbeveling", "aanbevelingen", "advies", "adviezen", "tip", "tips", "suggestie", "suggesties",
    "opmerking", "opmerkingen", "feedback", "input", "signaal", "signalen", "idee", "ideeën", "ervaringen",
    "lessen", "inzichten", "reacties", "punten", "kanttekeningen", "zorgen",
})
# ("op" is left out: "de aanbevelingen op het gebied van privacy" names the advice, not where it goes.)
DESTINATIONS = frozenset({"in", "naar", "bij", "richting", "tijdens", "als"})
# "neemt het advies ter harte", "neemt het voorstel in overweging": no task either.
TAKEN_TO_HEART = (("ter", "harte"), ("in", "overweging"), ("voor", "kennisgeving"))
# "laat aan de commissie weten": ``laat`` is a task when this word follows later.
# "Er wordt door Jan opgemerkt dat ...": the passive of speech is no task.
SPEECH_PARTICIPLES = frozenset({
    "gezegd", "opgemerkt", "aangegeven", "gemeld", "genoemd", "gevraagd", "voorgesteld", "toegelicht", "uitgelegd",
    "gepresenteerd", "besproken", "verteld", "benadrukt", "geantwoord", "gesteld", "betoogd", "aangekaart",
})
# "laat ... zien/blijken/merken" reports; "laat de lekkage onderzoeken" is a task.
NOT_LET_DO = frozenset({
    "zien", "blijken", "merken", "horen", "liggen", "staan", "gaan", "vallen",
    "open", "binnen", "buiten", "boven", "beneden", "tegen", "alleen", "samen", "even", "volgen",
})
# "stemt af" is a task, "stemt (dan ook) in" consent.
TASK_PARTICLE_AFTER = {
    "laat": {"weten", "doen", "maken", "uitzoeken"}, "zegt": {"toe"}, "zeggen": {"toe"}, "stemt": {"af"}, "stemmen": {"af"},
}
# Separable verbs that are no task with this particle anywhere in the main clause:
# "Jan en Ellen nemen in januari deel aan de klankbordgroep", "TP neemt haar taken waar".
NOT_A_TASK_PARTICLE = {
    "neemt": {"deel", "waar", "kennis", "afscheid"}, "nemen": {"deel", "waar", "kennis", "afscheid"},
    "legt": {"voor", "uit"},  # "Sabine legt de conceptjaarplanning voor": she presents it
}
# "De OR maakt zich zorgen", "Jan zet zich in": a reflexive verb reports a state, not a task.
REFLEXIVE = frozenset({"zich"})

# Roles that own actions: "de voorzitter", "het DB", "werkgroep Communicatie".
ROLE_WORDS = frozenset({
    "voorzitter", "vicevoorzitter", "vice-voorzitter", "secretaris", "penningmeester", "notulist", "bestuur",
    "db", "ab", "werkgroep", "commissie", "kascommissie", "directie", "directeur", "bestuurder", "ledenraad",
    "or", "mr", "gmr", "cor", "ur", "pmr", "omr", "oudergeleding", "personeelsgeleding", "coördinator",
    "secretariaat", "kerngroep", "presidium", "agendacommissie", "redactie", "dagelijks",
    "beheerder", "locatiemanager", "teamleider", "werkgever",
})
GROUP_HEADS = frozenset({"werkgroep", "commissie"})  # "werkgroep Communicatie": a name follows
JOINING_WORDS = frozenset({"en", "&"})  # "Wil en Nancy"
NEGATIONS = frozenset({"niet", "geen"})
# Words that open a subordinate clause: a negation after one is not the task's.
SUBORDINATORS = frozenset({
    "die", "dat", "wat", "wie", "waar", "welke", "of", "om", "omdat", "als", "wanneer", "indien", "zodat",
    "zodra", "voordat", "nadat", "totdat", "tenzij", "hoewel", "terwijl", "want", "maar",
})
PLURAL_FUTURE_VERBS = frozenset({"zullen", "gaan", "zorgen"})
ARTICLES = frozenset({"het", "de", "een"})
# "Petra: we kunnen ..." is talk; "Petra: actielijst bijwerken" a task.
NOT_A_TASK_START = frozenset({"we", "wij", "ik", "jij", "je", "u", "laten"})
DETERMINERS = frozenset({"de", "het", "onze", "ons", "de/het"})
PRONOUNS = frozenset({"hij", "zij", "ze"})
# Capitalised words that open sentences and are never a person.
NOT_A_NAME = frozenset({
    "dit", "dat", "het", "de", "een", "er", "deze", "die", "wij", "we", "ook", "men", "iedereen", "niemand",
    "hier", "daar", "dan", "nu", "zo", "wie", "wat", "hoe", "alle", "elk", "ieder", "verder", "vervolgens",
    "daarna", "eerst", "morgen", "volgende", "zij", "hij", "ze", "ik", "jij", "u", "wanneer", "als", "indien",
    "tevens", "bovendien", "daarnaast", "voorts", "ten", "in", "op", "bij", "na", "voor", "met", "om", "tot",
    "graag", "binnenkort", "straks", "vandaag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag", "niet", "geen", "alleen", "samen", "waarschijnlijk", "misschien", "mogelijk",
})

# "... is gebeurd": a task reported done without its number.
# A status saying an action is finished: after its number in a sentence ("Actie 12 is uitgevoerd") and in
# the status cell of an action table in the minutes.
STATUS_DONE = ("afgerond", "afgehandeld", "gereed", "klaar", "uitgevoerd", "voltooid", "vervallen", "vervalt",
               "gesloten", "afgesloten", "afgevoerd", "afgeboekt", "gedaan", "done")

DONE_WORDS = (
    "gebeurd", "gedaan", "verstuurd", "doorgestuurd", "geregeld", "afgerond", "afgehandeld", "opgelost",
    "uitgevoerd", "verzonden", "rondgestuurd", "gemaild", "verwerkt", "aangepast", "besteld", "geplaatst",
    "ingediend", "aangevraagd", "opgestuurd", "gerealiseerd", "voltooid", "klaar", "gereed",
    # with "heeft/hebben": "De OR heeft een tweede brief geschreven en overhandigd", "Jan heeft gebeld"
    # ("opgesteld", "opgehaald" describe more often than they report: "de rapportage is opgesteld op basis van")
    "geschreven", "overhandigd", "gebeld", "gestuurd", "ingevuld", "uitgezocht", "nagevraagd", "gecontroleerd",
    "gevoerd", "bezocht",  # "Dirk heeft het gesprek gevoerd", "Bos heeft de bewonerscommissie bezocht"
    "gesproken", "besproken", "geboekt", "gereserveerd", "gepubliceerd", "opgestuurd", "opgevraagd",
)

# The bodies that meet and decide: in a decision of theirs they are no task's owner.
BODIES = frozenset({
    "or", "cor", "gor", "mr", "gmr", "pmr", "omr", "ur", "oc", "ov", "ondernemingsraad", "medezeggenschapsraad",
    "raad", "cliëntenraad", "clientenraad", "deelraad", "vergadering", "we", "wij",
})
