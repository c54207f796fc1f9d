"""Hand-written event lexicon: which verbs, phrasal verbs and nouns report which PLOVER event.

Written from the PLOVER manual's category definitions and general news usage, not from any
evaluation sentence. The coder reads a predicate chain (frame verb → complement verb → object
noun), so verbs are split by role: *frame* verbs decide the type whatever follows
("threatened to …" is THREATEN), *content* verbs and nouns name the act itself, *light* verbs
("held", "launched", "imposed") defer to their object noun.
"""

from __future__ import annotations

Entry = tuple[str, str | None]
"""(PLOVER type, mode or None)."""

REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "add", "note", "quote", "write", "confirm", "explain",
    "announce", "declare", "claim", "insist", "stress", "believe", "think", "know", "reveal",
    "disclose", "learn", "show", "indicate", "suggest", "remark", "comment", "recall", "argue",
    "maintain", "estimate", "expect", "understand", "hear", "see", "find", "conclude", "reiterate",
    "acknowledge", "emphasize", "emphasise", "underline", "tweet", "post", "predict", "hope",
    "fear", "seem", "appear",
})
"""Verbs whose clausal complement carries the event ("officials said Russia attacked …")."""

MUST_REPORTING = frozenset({"say", "declare", "insist", "conclude", "state", "stress", "reiterate"})
"""Reporting verbs after which "X must do Y" is a demand (REQUEST)."""

FRAME_VERBS: dict[str, str] = {
    # commitment: the complement is promised, so the event is AGREE (or CONCEDE for a yield)
    "agree": "agree", "offer": "agree", "promise": "agree", "pledge": "agree",
    "commit": "agree", "volunteer": "agree", "consent": "agree",
    # threat
    "threaten": "threaten", "warn": "threaten",
    # refusal
    "refuse": "reject", "decline": "reject", "fail": "reject", "balk": "reject",
    # request
    "demand": "request", "urge": "request", "ask": "request", "request": "request",
    "appeal": "request", "press": "request", "pressure": "request", "pressurize": "request",
    "call": "request", "implore": "request", "beg": "request", "petition": "request",
    "encourage": "request", "invite": "request", "order": "request", "instruct": "request",
    # intention: the complement decides, with future polarity
    "plan": "intent", "intend": "intent", "decide": "intent", "prepare": "intent",
    "aim": "intent", "vow": "intent", "swear": "intent", "resolve": "intent", "move": "intent",
    "seek": "intent", "want": "intent", "wish": "intent", "mean": "intent",
    # attempt / aspect: the complement is the event
    "try": "attempt", "attempt": "attempt", "begin": "aspect", "start": "aspect",
    "continue": "aspect", "resume": "aspect", "keep": "aspect", "manage": "aspect",
    "help": "aspect", "go": "aspect", "use": "aspect",
}
"""Verbs that take an infinitive complement and decide how it counts."""

READINESS_ADJECTIVES = frozenset({"ready", "willing", "prepared", "committed", "determined",
                                  "eager", "open", "keen"})
""""X is ready to …" reads as an offer (AGREE) or, with a hostile complement, a threat."""

VERBS: dict[str, Entry] = {
    # AGREE
    "accept": ("AGREE", None), "approve": ("CONCEDE", None), "endorse": ("SUPPORT", None),
    "ratify": ("SUPPORT", None), "sign": ("SUPPORT", None), "initial": ("SUPPORT", None),
    "settle": ("AGREE", None), "reconcile": ("AGREE", None),
    # CONSULT
    "meet": ("CONSULT", None), "discuss": ("CONSULT", None), "negotiate": ("CONSULT", None),
    "consult": ("CONSULT", None), "confer": ("CONSULT", None), "telephone": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "mediate": ("CONSULT", "third-party"), "talk": ("CONSULT", None),
    # SUPPORT
    "welcome": ("SUPPORT", None), "praise": ("SUPPORT", None), "commend": ("SUPPORT", None),
    "hail": ("SUPPORT", None), "applaud": ("SUPPORT", None), "back": ("SUPPORT", None),
    "support": ("SUPPORT", None), "defend": ("SUPPORT", None), "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None), "congratulate": ("SUPPORT", None), "thank": ("SUPPORT", None),
    "apologize": ("SUPPORT", None), "apologise": ("SUPPORT", None), "forgive": ("SUPPORT", None),
    "salute": ("SUPPORT", None), "laud": ("SUPPORT", None), "reaffirm": ("SUPPORT", None),
    # CONCEDE
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "lift": ("CONCEDE", None),
    "ease": ("CONCEDE", None), "relax": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    "amnesty": ("CONCEDE", None), "acquit": ("CONCEDE", None), "compromise": ("CONCEDE", None),
    "regret": ("CONCEDE", None), "rescind": ("CONCEDE", None), "revoke": ("CONCEDE", None),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None),
    "extradite": ("COOPERATE", None), "exchange": ("COOPERATE", None),
    "share": ("COOPERATE", None), "trade": ("COOPERATE", None), "ship": ("COOPERATE", None),
    "export": ("COOPERATE", None), "escort": ("COOPERATE", None),
    # AID
    "donate": ("AID", None), "aid": ("AID", None), "assist": ("AID", None),
    "supply": ("AID", None), "provide": ("AID", None), "deliver": ("AID", None),
    "grant": ("AID", None), "fund": ("AID", None), "finance": ("AID", None),
    "evacuate": ("AID", None), "rescue": ("AID", None), "shelter": ("AID", None),
    "airlift": ("AID", None), "arm": ("AID", None), "lend": ("AID", None),
    "send": ("AID", None), "give": ("AID", None), "contribute": ("AID", None),
    # RETREAT
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"),
    "repatriate": ("RETREAT", "release"), "disarm": ("RETREAT", "disarm"),
    "demobilize": ("RETREAT", "disarm"), "demobilise": ("RETREAT", "disarm"),
    "surrender": ("RETREAT", "disarm"), "resign": ("RETREAT", "resign"),
    "quit": ("RETREAT", "resign"),
    "admit": ("RETREAT", "access"), "reopen": ("RETREAT", "access"),
    "compensate": ("RETREAT", None), "return": ("RETREAT", None),
    # REQUEST (content use, e.g. "sought refuge", "pleaded")
    "plead": ("REQUEST", None), "solicit": ("REQUEST", None),
    "allow": ("CONCEDE", None), "permit": ("CONCEDE", None), "tolerate": ("CONCEDE", None),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"),
    "indict": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"),
    "condemn": ("ACCUSE", "disapprove"), "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"), "denounce": ("ACCUSE", "disapprove"),
    "deplore": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "complain": ("ACCUSE", "disapprove"), "protest": ("ACCUSE", "disapprove"),
    "slam": ("ACCUSE", "disapprove"), "censure": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "castigate": ("ACCUSE", "disapprove"),
    "lambast": ("ACCUSE", "disapprove"), "lambaste": ("ACCUSE", "disapprove"),
    "summon": ("ACCUSE", "disapprove"), "object": ("ACCUSE", "disapprove"),
    "investigate": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "examine": ("ACCUSE", "investigate"), "inspect": ("ACCUSE", "investigate"),
    # REJECT
    "reject": ("REJECT", None), "rebuff": ("REJECT", None), "dismiss": ("REJECT", None),
    "veto": ("REJECT", None), "deny": ("REJECT", None), "renege": ("REJECT", None),
    "spurn": ("REJECT", None), "oppose": ("REJECT", None), "defy": ("REJECT", None),
    "boycott": ("PROTEST", "boycott"), "repudiate": ("REJECT", None),
    "cancel": ("REJECT", None), "postpone": ("REJECT", None), "block": ("REJECT", None),
    "suspend": ("SANCTION", "discontinue"), "halt": ("SANCTION", "discontinue"),
    "stop": ("SANCTION", "discontinue"),
    # THREATEN (content)
    "menace": ("THREATEN", None), "ultimatum": ("THREATEN", None),
    # PROTEST
    "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "picket": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "strike": ("ASSAULT", None), "blockade": ("COERCE", "restrict"),
    "vandalize": ("PROTEST", "vandalize"), "vandalise": ("PROTEST", "vandalize"),
    "converge": ("PROTEST", "demo"),
    # SANCTION
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "expel": ("SANCTION", "expel"), "recall": ("SANCTION", "withdraw"),
    "sever": ("SANCTION", "discontinue"), "cut": ("SANCTION", "discontinue"),
    "reduce": ("SANCTION", "discontinue"), "freeze": ("SANCTION", "discontinue"),
    "convict": ("SANCTION", "convict"), "sentence": ("SANCTION", "convict"),
    "downgrade": ("SANCTION", "discontinue"), "terminate": ("SANCTION", "discontinue"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"), "mass": ("MOBILIZE", "troops"),
    "reinforce": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "troops"),
    "train": ("MOBILIZE", "troops"), "alert": ("MOBILIZE", "troops"),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "apprehend": ("COERCE", "arrest"),
    "round": ("COERCE", "arrest"), "deport": ("COERCE", "deport"),
    "confiscate": ("COERCE", "seize"), "seize": ("COERCE", "seize"), "raid": ("COERCE", "seize"),
    "impound": ("COERCE", "seize"), "occupy": ("COERCE", "seize"), "annex": ("COERCE", "seize"),
    "ban": ("COERCE", "restrict"), "outlaw": ("COERCE", "restrict"),
    "prohibit": ("COERCE", "restrict"), "restrict": ("COERCE", "restrict"),
    "bar": ("COERCE", "restrict"), "close": ("COERCE", "restrict"),
    "censor": ("COERCE", "censor"), "hack": ("COERCE", "cyber"), "expropriate": ("COERCE", "seize"),
    "demolish": ("COERCE", "seize"), "bulldoze": ("COERCE", "seize"), "hold": ("COERCE", "arrest"),
    "evict": ("COERCE", "deport"), "disperse": ("COERCE", "restrict"),
    # ASSAULT
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "kill": ("ASSAULT", None),
    "bomb": ("ASSAULT", "explosives"), "shell": ("ASSAULT", "heavy-weapons"),
    "bombard": ("ASSAULT", "heavy-weapons"), "fire": ("ASSAULT", None),
    "shoot": ("ASSAULT", "firearms"), "gun": ("ASSAULT", "firearms"),
    "murder": ("ASSAULT", "targeted"), "assassinate": ("ASSAULT", "targeted"),
    "execute": ("ASSAULT", "targeted"), "massacre": ("ASSAULT", "targeted"),
    "torture": ("ASSAULT", "torture"), "beat": ("ASSAULT", "beat"),
    "kidnap": ("ASSAULT", "abduct"), "abduct": ("ASSAULT", "abduct"),
    "hijack": ("ASSAULT", "abduct"), "capture": ("ASSAULT", None),
    "recapture": ("ASSAULT", None), "retake": ("ASSAULT", None), "overrun": ("ASSAULT", None),
    "storm": ("ASSAULT", None), "invade": ("ASSAULT", None), "ambush": ("ASSAULT", None),
    "wound": ("ASSAULT", None), "injure": ("ASSAULT", None), "clash": ("ASSAULT", None),
    "fight": ("ASSAULT", None), "target": ("ASSAULT", None), "hit": ("ASSAULT", None),
    "destroy": ("ASSAULT", "destroy"), "burn": ("ASSAULT", "primitive"),
    "stab": ("ASSAULT", "primitive"), "torch": ("ASSAULT", "primitive"),
    "explode": ("ASSAULT", "explosives"), "detonate": ("ASSAULT", "explosives"),
    "rape": ("ASSAULT", "sexual"), "martyr": ("ASSAULT", None), "slaughter": ("ASSAULT", None),
    "lynch": ("ASSAULT", "beat"), "pound": ("ASSAULT", "heavy-weapons"),
    "retaliate": ("ASSAULT", None), "besiege": ("ASSAULT", None), "die": ("ASSAULT", None),
}
"""Content verbs: the act itself, by lemma."""

PHRASAL: dict[tuple[str, str], Entry] = {
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None),
    ("call", "upon"): ("REQUEST", None), ("ask", "for"): ("REQUEST", None),
    ("appeal", "for"): ("REQUEST", None), ("push", "for"): ("REQUEST", None),
    ("press", "for"): ("REQUEST", None), ("insist", "on"): ("REQUEST", None),
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("stand", "down"): ("RETREAT", "resign"),
    ("hand", "over"): ("RETREAT", "release"), ("give", "up"): ("RETREAT", "disarm"),
    ("lay", "down"): ("RETREAT", "disarm"), ("back", "down"): ("CONCEDE", None),
    ("give", "in"): ("CONCEDE", None), ("back", "off"): ("CONCEDE", None),
    ("break", "off"): ("SANCTION", "discontinue"), ("cut", "off"): ("SANCTION", "discontinue"),
    ("cut", "back"): ("SANCTION", "discontinue"), ("pull", "away"): ("SANCTION", "withdraw"),
    ("walk", "out"): ("REJECT", None), ("turn", "down"): ("REJECT", None),
    ("back", "out"): ("REJECT", None),
    ("blow", "up"): ("ASSAULT", "explosives"), ("beat", "up"): ("ASSAULT", "beat"),
    ("open", "fire"): ("ASSAULT", "firearms"), ("set", "fire"): ("ASSAULT", "primitive"),
    ("crack", "down"): ("COERCE", "restrict"), ("round", "up"): ("COERCE", "arrest"),
    ("shut", "down"): ("COERCE", "restrict"), ("lock", "up"): ("COERCE", "arrest"),
    ("speak", "out"): ("ACCUSE", "disapprove"), ("lash", "out"): ("ACCUSE", "disapprove"),
    ("sit", "down"): ("CONSULT", None), ("stand", "by"): ("SUPPORT", None),
    ("side", "with"): ("SUPPORT", None), ("team", "up"): ("COOPERATE", None),
    ("take", "over"): ("COERCE", "seize"),
    ("ship", "out"): ("SANCTION", "withdraw"), ("force", "out"): ("SANCTION", "expel"),
    ("drive", "out"): ("SANCTION", "expel"), ("kick", "out"): ("SANCTION", "expel"),
}
"""Verb + particle (or + preposition) pairs whose meaning differs from the verb alone."""

LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "carry", "launch", "stage", "make", "take", "mount", "impose",
    "declare", "reach", "conclude", "issue", "open", "put", "begin", "start", "continue",
    "resume", "renew", "reiterate", "repeat", "lodge", "file", "undertake", "organize",
    "organise", "announce",
    "step", "intensify", "escalate", "extend", "reimpose", "unleash", "wage", "pursue", "seal",
    "strike", "forge", "clinch", "broker", "finalize", "finalise", "complete", "order",
    "offer", "give", "provide", "send", "deliver", "pay", "lift", "ease", "end", "sign", "call",
    "establish", "set", "cancel", "suspend", "halt", "break", "stop", "cut", "do", "get",
    "receive", "face", "suffer", "come", "see", "join", "enter", "leave", "grant", "hand",
    "return", "restore", "agree", "accept", "reject", "refuse", "approve", "welcome", "deny",
    "block", "expel", "close", "reopen", "withdraw",
})
"""Verbs whose object noun says what happened ("held talks", "imposed a curfew")."""

NOUNS: dict[str, Entry] = {
    # AGREE
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None),
    "treaty": ("AGREE", None), "memorandum": ("AGREE", None), "understanding": ("AGREE", None),
    "pact": ("AGREE", None), "settlement": ("AGREE", None), "compromise": ("AGREE", None),
    "truce": ("AGREE", None), "ceasefire": ("AGREE", None), "cease-fire": ("AGREE", None),
    "armistice": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None),
    "offer": ("AGREE", None), "commitment": ("AGREE", None), "invitation": ("AGREE", None),
    # CONSULT
    "talk": ("CONSULT", None), "talks": ("CONSULT", None), "meeting": ("CONSULT", None),
    "negotiation": ("CONSULT", None), "summit": ("CONSULT", "multilateral"),
    "discussion": ("CONSULT", None), "consultation": ("CONSULT", None),
    "conversation": ("CONSULT", "phone"), "call": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"), "visit": ("CONSULT", "visit"), "trip": ("CONSULT", "visit"),
    "mediation": ("CONSULT", "third-party"), "conference": ("CONSULT", "multilateral"),
    "dialogue": ("CONSULT", None), "audience": ("CONSULT", "visit"),
    # SUPPORT
    "support": ("SUPPORT", None), "endorsement": ("SUPPORT", None), "praise": ("SUPPORT", None),
    "recognition": ("SUPPORT", None), "apology": ("CONCEDE", None),
    "relation": ("SUPPORT", None), "relations": ("SUPPORT", None), "ties": ("SUPPORT", None),
    # COOPERATE
    "patrol": ("COOPERATE", None), "exercise": ("COOPERATE", None), "drill": ("COOPERATE", None),
    "cooperation": ("COOPERATE", None),
    "extradition": ("COOPERATE", None), "exchange": ("COOPERATE", None),
    "information": ("COOPERATE", None), "intelligence": ("COOPERATE", None),
    "shipment": ("COOPERATE", None), "export": ("COOPERATE", None),
    "participation": ("COOPERATE", None), "cargo": ("COOPERATE", None),
    "freighter": ("COOPERATE", None),
    # AID
    "aid": ("AID", None), "assistance": ("AID", None), "help": ("AID", None),
    "relief": ("AID", None), "grant": ("AID", None), "loan": ("AID", None),
    "donation": ("AID", None), "asylum": ("AID", None), "refuge": ("AID", None),
    "convoy": ("AID", None), "supplies": ("AID", None), "supply": ("AID", None),
    "arms": ("AID", None), "troops": ("AID", None),
    "food": ("AID", None), "medicine": ("AID", None), "funds": ("AID", None), "fund": ("AID", None),
    "money": ("AID", None), "package": ("AID", None), "delivery": ("AID", None),
    "evacuation": ("AID", None), "compensation": ("AID", None),
    # CONCEDE
    "concession": ("CONCEDE", None), "amnesty": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    # RETREAT
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"),
    "pullback": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "resignation": ("RETREAT", "resign"),
    "surrender": ("RETREAT", "disarm"), "disarmament": ("RETREAT", "disarm"),
    "access": ("RETREAT", "access"),
    # REQUEST
    "request": ("REQUEST", None), "demand": ("REQUEST", None), "appeal": ("REQUEST", None),
    "plea": ("REQUEST", None), "ultimatum": ("THREATEN", None), "proposal": ("REQUEST", None),
    # ACCUSE
    "accusation": ("ACCUSE", "allege"), "allegation": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "lawsuit": ("ACCUSE", "allege"), "suit": ("ACCUSE", "allege"),
    "complaint": ("ACCUSE", "disapprove"), "protest": ("ACCUSE", "disapprove"),
    "criticism": ("ACCUSE", "disapprove"), "condemnation": ("ACCUSE", "disapprove"),
    "investigation": ("ACCUSE", "investigate"), "inquiry": ("ACCUSE", "investigate"),
    "enquiry": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "inspection": ("ACCUSE", "investigate"),
    # REJECT
    "veto": ("REJECT", None), "rejection": ("REJECT", None), "refusal": ("REJECT", None),
    "boycott": ("PROTEST", "boycott"),
    # THREATEN
    "threat": ("THREATEN", None), "warning": ("THREATEN", None),
    # PROTEST
    "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "sit-in": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "strike": ("PROTEST", "strike"), "walkout": ("PROTEST", "strike"),
    "stoppage": ("PROTEST", "strike"), "hunger": ("PROTEST", "hunger"),
    "vigil": ("PROTEST", "demo"), "uprising": ("PROTEST", "riot"),
    "roadblock": ("PROTEST", "obstruct"), "barricade": ("PROTEST", "obstruct"),
    # SANCTION
    "sanction": ("SANCTION", "discontinue"), "sanctions": ("SANCTION", "discontinue"),
    "embargo": ("SANCTION", "discontinue"), "expulsion": ("SANCTION", "expel"),
    "tariff": ("SANCTION", "discontinue"),
    # MOBILIZE
    "alert": ("MOBILIZE", "troops"), "reinforcement": ("MOBILIZE", "troops"),
    "buildup": ("MOBILIZE", "troops"), "deployment": ("MOBILIZE", "troops"),
    "reservist": ("MOBILIZE", "troops"), "mobilization": ("MOBILIZE", "troops"),
    # COERCE
    "curfew": ("COERCE", "curfew"), "emergency": ("COERCE", "martial-law"),
    "siege": ("COERCE", "martial-law"), "law": ("COERCE", "martial-law"),
    "blockade": ("COERCE", "restrict"), "restriction": ("COERCE", "restrict"),
    "ban": ("COERCE", "restrict"), "crackdown": ("COERCE", "restrict"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"),
    "raid": ("COERCE", "seize"), "search": ("COERCE", "seize"), "closure": ("COERCE", "restrict"),
    "fire": ("COERCE", "seize"), "lockdown": ("COERCE", "restrict"),
    "hostage": ("ASSAULT", "abduct"),
    # ASSAULT
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "offensive": ("ASSAULT", None),
    "airstrike": ("ASSAULT", "aerial"), "air strike": ("ASSAULT", "aerial"),
    "bombing": ("ASSAULT", "explosives"), "shelling": ("ASSAULT", "heavy-weapons"),
    "bombardment": ("ASSAULT", "heavy-weapons"), "barrage": ("ASSAULT", "heavy-weapons"),
    "fighting": ("ASSAULT", None), "battle": ("ASSAULT", None), "clash": ("ASSAULT", None),
    "killing": ("ASSAULT", None), "massacre": ("ASSAULT", "targeted"),
    "assassination": ("ASSAULT", "targeted"), "ambush": ("ASSAULT", None),
    "invasion": ("ASSAULT", None), "incursion": ("ASSAULT", None), "explosion": ("ASSAULT", None),
    "blast": ("ASSAULT", "explosives"), "war": ("ASSAULT", None), "operation": ("ASSAULT", None),
    "artillery": ("ASSAULT", "heavy-weapons"), "rocket": ("ASSAULT", "heavy-weapons"),
    "missile": ("ASSAULT", "heavy-weapons"), "mortar": ("ASSAULT", "heavy-weapons"),
    "gunfire": ("ASSAULT", "firearms"), "shooting": ("ASSAULT", "firearms"),
    "torture": ("ASSAULT", "torture"), "kidnapping": ("ASSAULT", "abduct"),
    "abduction": ("ASSAULT", "abduct"), "hijacking": ("ASSAULT", "abduct"),
    "violence": ("ASSAULT", None), "blow": ("ASSAULT", None), "retaliation": ("ASSAULT", None),
    "drone": ("ASSAULT", "drone"), "counteroffensive": ("ASSAULT", None),
}
"""Event nouns: the object of a light verb, or the nominal head of a headline-like clause."""

CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})

MODE_CUES: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "ASSAULT": [
        (("suicide",), "suicide-attack"),
        (("chemical", "sarin", "chlorine", "nuclear", "biological", "nerve",),
         "unconventional"),
        (("drone", "uav", "unmanned"), "drone"),
        (("airstrike", "aircraft", "warplane", "jet", "helicopter", "gunship", "bomber", "air",
          "aerial", "airstrikes"), "aerial"),
        (("artillery", "shell", "shelling", "tank", "rocket", "mortar", "missile", "howitzer",
          "bombard", "bombardment", "barrage", "heavy"), "heavy-weapons"),
        (("bomb", "bombing", "ied", "explosive", "explosion", "mine", "minefield", "blast",
          "grenade", "detonate", "explode", "roadside"), "explosives"),
        (("tear", "cannon", "rubber", "baton", "truncheon"), "crowd-control"),
        (("assassinate", "assassination", "execute", "execution", "assassin"), "targeted"),
        (("torture", "torturing"), "torture"),
        (("kidnap", "abduct", "hijack", "hostage", "abduction", "kidnapping"), "abduct"),
        (("rape", "sexual"), "sexual"),
        (("gun", "rifle", "gunfire", "shoot", "shooting", "sniper", "gunman", "fire", "bullet",
          "gunmen"), "firearms"),
        (("beat", "beating", "club", "punch", "kick"), "beat"),
        (("knife", "machete", "stab", "burn", "torch", "stone", "rock", "arson"), "primitive"),
    ],
    "COERCE": [
        (("hack", "hacker", "cyber", "cyberattack", "computer"), "cyber"),
        (("curfew",), "curfew"),
        (("emergency", "martial", "siege"), "martial-law"),
        (("arrest", "detain", "jail", "imprison", "custody", "detention", "hold"), "arrest"),
        (("deport", "deportation", "evict"), "deport"),
        (("censor", "publication", "newspaper", "broadcast", "website", "media"), "censor"),
        (("confiscate", "seize", "raid", "search", "impound", "demolish", "occupy", "fire"),
         "seize"),
        (("electricity", "power", "water", "internet", "fuel"), "withhold"),
        (("ban", "outlaw", "prohibit", "restrict", "blockade", "cordon", "close", "bar"),
         "restrict"),
    ],
    "PROTEST": [
        (("hunger",), "hunger"),
        (("riot", "rioter", "rioting"), "riot"),
        (("strike", "walkout", "stoppage", "work"), "strike"),
        (("boycott",), "boycott"),
        (("block", "blockade", "barricade", "roadblock", "obstruct"), "obstruct"),
        (("vandalize", "vandalise", "deface"), "vandalize"),
        (("demonstrate", "demonstration", "rally", "march", "protest", "protester", "vigil",
          "sit-in", "demonstrator"), "demo"),
    ],
    "CONSULT": [
        (("telephone", "phone", "call", "videoconference", "video"), "phone"),
        (("summit", "conference", "forum", "multilateral", "nato", "assembly"), "multilateral"),
        (("mediate", "mediation", "mediator", "broker"), "third-party"),
        (("visit", "arrive", "host", "receive", "trip", "tour", "welcome"), "visit"),
    ],
    "ACCUSE": [
        (("investigate", "investigation", "probe", "inquiry", "enquiry", "inspect", "inspector",
          "examine"), "investigate"),
        (("accuse", "blame", "charge", "indict", "sue", "allege", "allegation", "accusation",
          "suing", "lawsuit"), "allege"),
    ],
    "SANCTION": [
        (("convict", "sentence", "guilty"), "convict"),
        (("expel", "expulsion", "diplomat", "persona"), "expel"),
        (("withdraw", "recall", "pull"), "withdraw"),
    ],
    "MOBILIZE": [
        (("police", "policeman", "paramilitary", "gendarme"), "police"),
        (("militia", "militiaman", "fighter"), "militia"),
        (("missile", "warship", "weapon", "tank", "jet", "submarine", "aircraft", "hacker"),
         "weapons"),
    ],
    "RETREAT": [
        (("resign", "resignation", "step", "quit"), "resign"),
        (("ceasefire", "truce", "cease-fire"), "ceasefire"),
        (("release", "free", "hostage", "prisoner", "detainee"), "release"),
        (("disarm", "demobilize", "demobilise", "surrender", "weapon", "arm"), "disarm"),
        (("access", "border", "crossing", "observer", "peacekeeper", "inspector", "admit",
          "reopen", "open"), "access"),
        (("withdraw", "withdrawal", "pullout", "retreat", "pull"), "withdraw"),
    ],
    "THREATEN": [
        (("relation", "relations", "tie", "talk", "negotiation", "mediation", "ties", "dialogue"),
         "relations"),
        (("arrest", "detain", "jail", "imprison"), "arrest"),
        (("expel", "expulsion", "deport"), "expel"),
        (("occupy", "annex", "seize", "territory", "control"), "territory"),
        (("sanction", "ban", "boycott", "blockade", "curfew", "restrict", "restriction",
          "embargo", "close", "martial", "emergency", "strike", "cut", "tolerate"), "restrict"),
        (("attack", "strike", "force", "military", "retaliate", "retaliation", "war", "fight",
          "shell", "kill", "bomb", "blow", "violence", "terrorist", "weapon", "response",
          "invade", "destroy"), "violence"),
    ],
    "REQUEST": [
        (("meet", "meeting", "talk", "negotiate", "negotiation", "mediate", "summit",
          "consultation", "dialogue"), "meet"),
        (("release", "ceasefire", "truce", "withdraw", "lift", "ease", "end", "free", "open"),
         "yield"),
        (("aid", "help", "assistance", "support", "cooperate", "supply", "protect"), "assist"),
        (("resign", "removal", "reform", "change", "abandon", "dismiss", "policy", "renounce"),
         "change"),
    ],
}
"""Per type, lemma cues for the mode, most specific first; the first cue found in the sentence
wins. REJECT shares REQUEST's modes."""
MODE_CUES["REJECT"] = MODE_CUES["REQUEST"]

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
