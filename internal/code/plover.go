package code

// PloverModes are the modes of each PLOVER type, from the mode tables of
// the PLOVER manual (reference/plover_manual.tex; commented-out rows left
// out). AGREE, SUPPORT, CONCEDE, COOPERATE and AID have none. REQUEST and
// REJECT share theirs.
var PloverModes = map[string][]string{
	"CONSULT":  {"visit", "third-party", "multilateral", "phone"},
	"RETREAT":  {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
	"REQUEST":  {"assist", "change", "yield", "meet"},
	"ACCUSE":   {"disapprove", "investigate", "allege"},
	"REJECT":   {"assist", "change", "yield", "meet"},
	"THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
	"PROTEST":  {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
	"SANCTION": {"convict", "expel", "withdraw", "discontinue"},
	"MOBILIZE": {"troops", "weapons", "police", "militia"},
	"COERCE":   {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"},
	"ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
		"suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}

// PloverContexts are the general contexts of the PLOVER manual's table
// "General contexts", in its order. Callers must not modify either table.
var PloverContexts = []string{
	"military", "intelligence", "executive", "legislative", "election", "political_institutions",
	"pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
	"rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
	"inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
	"disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
	"misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
}
