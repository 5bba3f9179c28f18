"""Generator of data/treaties/provisions.csv (the codes, verbatim excerpts and notes live here; rerun after a change).
No row is edited by hand: provisions.csv is exactly this script's output."""
"""Builds data/treaties/provisions.csv (lesson 02 helper). Every excerpt is checked against articles.csv before writing."""
import csv, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "data"
arts = {(r["treaty_id"], r["article"], r["version"]): r for r in csv.DictReader(open(ROOT / "treaties/articles.csv", encoding="utf-8"))}
treaties = {r["treaty_id"]: r for r in csv.DictReader(open(ROOT / "treaties/treaties.csv", encoding="utf-8"))}

ATOP = "ATOP 5.1 (atop_5_1)"
NOTDEF = "the variable's definition was not found in a stored codebook, so no match is claimed"
rows = []


def add(t, dim, code, status, article="", excerpt="", version="", note="", source=None):
    if source is None:
        if article and version:
            source = arts[(t, article, version)]["source"]
        else:
            source = treaties[t]["source"]
    rows.append(dict(treaty_id=t, dimension=dim, code=code, article=article, excerpt=excerpt, version=version,
                     status=status, source=source, note=note))


# ---------------- PRC–DPRK 1961 (full text held: Peking Review)
t, v = "prc_dprk_1961", "peking_review"
add(t, "defence_obligation", "yes", "coded", "II", "the other Contracting Party shall immediately render military and other assistance", v,
    f"Agrees with {ATOP}: defense=1 for both members.")
add(t, "trigger", "armed_attack_war", "coded", "II", "being subjected to the armed attack by any state or several states jointly and thus being involved in a state of war", v,
    "Two conditions: an armed attack AND being involved in a state of war.")
add(t, "immediacy", "immediately", "coded", "II", "shall immediately render", v)
add(t, "means", "all_means", "coded", "II", "by all means at its disposal", v)
add(t, "qualifiers", "none", "not_present", "II", "", v,
    f"The full text is held and no article qualifies the assistance (no reference to constitutional processes, the UN Charter or national law). {ATOP} has conditio=0 and defcon=0; {NOTDEF}.")
add(t, "consultation", "general", "coded", "IV", "consult with each other on all important international questions of common interest", v,
    f"{ATOP} codes consul=0. Its definition (via QoG) says a general promise to consult 'on important international problems is not enough' unless tied to militarized crises, so a general clause like this one is coded 0 there. Same clause, two codings: 'general' here, 'no consultation obligation' in ATOP.")
add(t, "no_alliance_clause", "yes", "coded", "III", "Neither Contracting Party shall conclude any alliance directed against the other Contracting Party", v,
    f"{ATOP} has noothall=1; {NOTDEF}. Han (2004) discusses how China–ROK normalisation in 1992 strained this article.")
add(t, "aid", "economic_technical", "coded", "V", "render each other every possible economic and technical aid", v,
    f"{ATOP} has ecaid=1 here but ecaid=0 for the USSR–DPRK treaty, whose Article 4 also promises 'all possible assistance' in the economic field; {NOTDEF}. A coding difference worth discussing.")
add(t, "duration_termination", "until_mutual_agreement", "coded", "VII", "will remain in force until the Contracting Parties agree on its amendment or termination", v,
    f"No fixed term and no renewal: the widespread claim that the treaty is renewed every 20 years is not in the text. {ATOP} has speclgth=3, length=0, proren=0 (USSR–DPRK: speclgth=1, length=120, proren=2); {NOTDEF}.")
add(t, "ratification", "required", "coded", "VII", "The present Treaty is subject to ratification", v,
    "Entry into force on the exchange of instruments in Pyongyang; the date (1961-09-10) is from secondary sources only (treaties.csv).")

# ---------------- USSR–DPRK 1961 (UNTS translation; Art. 5 partial, Art. 6 and final clauses missing)
t, v = "ussr_dprk_1961", "unts"
add(t, "defence_obligation", "yes", "coded", "1", "the other Contracting Party shall immediately extend military and other assistance", v,
    f"Agrees with {ATOP}: defense=1 for both members. COW v4.1 also codes a defence pact (Type I).")
add(t, "trigger", "armed_attack_war", "coded", "1", "suffer armed attack by any State or coalition of States and thus find itself in a state of war", v)
add(t, "immediacy", "immediately", "coded", "1", "shall immediately extend", v,
    "Coded from the UNTS English (a UN Secretariat translation). The Korean text (kowiki_ko; Korean is an official text) has "
    "'지체없이', the word that Korean-based translations of the 2024 treaty's Article 4 render 'without delay': a coder "
    "working from the Korean would code 'without_delay'.")
add(t, "means", "all_means", "coded", "1", "with all the means at its disposal", v,
    "Korean text (kowiki_ko): '자기가 보유하고 있는 온갖 수단으로써'; the 2024 treaty's Korean Article 4 has '자기가 보유하고 "
    "있는 모든 수단으로'.")
add(t, "qualifiers", "none", "coded", "1", "shall immediately extend military and other assistance with all the means at its disposal", v,
    "The assistance clause itself carries no qualifier. Article 6 and the end of Article 5 are missing in our sources, so a qualifier elsewhere in the treaty cannot be ruled out (hence 'coded' from Article 1, not 'not_present').")
add(t, "consultation", "general", "coded", "3", "consult together on all important international questions involving the interests of both States", v,
    f"{ATOP} codes consul=0, consistent with its rule that a general promise to consult is not a consultation obligation.")
add(t, "no_alliance_clause", "yes", "coded", "2", "undertakes not to enter into any alliance or to participate in any coalition", v,
    f"{ATOP} has noothall=1; {NOTDEF}.")
add(t, "aid", "economic_general", "coded", "4", "to render each other all possible assistance", v,
    f"Economic and cultural co-operation and 'all possible assistance', without the words 'technical aid'. {ATOP} has ecaid=0 here but 1 for the PRC–DPRK treaty; {NOTDEF}.")
add(t, "duration_termination", "", "text_missing", "6", "", v,
    f"Article 6 (ratification, entry into force, duration) is missing in our sources. Maeil Shinmun (7 Sep 1995) describes automatic five-year renewal unless a party objects a year before expiry; that is a press description, not treaty text. {ATOP} has speclgth=1, length=120, proren=2, renewlgt=60; {NOTDEF}. The end date differs between datasets: ATOP 1996-09-10 (lapse), COW v4.1 1995-09-07 (Russia's announcement).")
add(t, "ratification", "", "text_missing", "6", "", v,
    "Article 6 is missing in every language in our sources (the Korean reprints end in Articles 1–3); the treaty's registration data name only the signature (Moscow, 6 July 1961).")

# ---------------- US–ROK 1953 (Arts I–V held complete: I–II from SPARK, III–V from gasengi's copy of the Avalon text;
# Art. VI partial, final clauses missing)
t, v, g = "us_rok_1953", "spark", "gasengi"
RESP = "declares that it would act to meet the common danger in accordance with its constitutional processes"
NOT_WHOLE = ("Article VI breaks off in its termination sentence and the final clauses are missing, so the absence cannot be "
             "confirmed from the whole text (not_present needs the full text)")
add(t, "defence_obligation", "yes", "coded", "III", "declares that it would act to meet the common danger", g,
    f"Article III, now held complete: each Party '{RESP}'. The clause does not name military assistance and leaves the form "
    f"of action to each Party; coded 'yes' as a promise to act if the other is attacked. Agrees with {ATOP}: defense=1 for "
    "both members (asymm=1). COW v4.1 codes defence US→ROK only (0 ROK→US) and classes both members as Type III: Entente, "
    "although Article III is worded the same for both Parties.")
add(t, "trigger", "armed_attack", "coded", "III",
    "an armed attack in the Pacific area on either of the Parties in territories now under their respective administrative control", g,
    "No 'state of war' condition: an armed attack suffices, limited to the Pacific area and to territories under a Party's "
    "administrative control (or later recognized as lawfully brought under the other's). The full Article III (gasengi) "
    "confirms the reading of the partial SPARK copy.")
add(t, "immediacy", "none", "coded", "III", RESP, g,
    "The response clause has no time term (no 'immediately', no 'without delay'). Coded 'none' from Article III, not "
    "'not_present', because the end of Article VI and the final clauses are still missing (the same rule as the USSR–DPRK "
    "qualifiers row).")
add(t, "means", "unspecified", "coded", "III", "it would act to meet the common danger", g,
    "Article III states no means. Article II's 'appropriate means to deter armed attack' concerns the capabilities the "
    "Parties maintain in peacetime, not the response to an attack, so it is not coded here.")
add(t, "qualifiers", "constitutional_processes", "coded", "III", "in accordance with its constitutional processes", g,
    f"{ATOP} has conditio=1 and defcon=1 for this treaty (0 for both 1961 treaties); {NOTDEF}. The US draft of 6 July 1953 "
    "(FRUS 1952–54 XV, doc. 670) ended Article III with the same words. Article V also ties ratification to 'their "
    "respective constitutional processes'.")
add(t, "consultation", "crisis", "coded", "II", "The Parties will consult together whenever, in the opinion of either of them, the political independence or security of either of the Parties is threatened by external armed attack", v,
    f"Agrees with {ATOP}: consul=1 (crisis-specific consultation). COW v4.1 codes entente=1 both ways.")
add(t, "no_alliance_clause", "", "text_missing", "", "", "",
    f"Articles I–V are held in full and contain no such clause; {NOT_WHOLE}. {ATOP} has noothall=0 here (1 for both 1961 "
    f"treaties and the 2000 treaty); {NOTDEF}.")
add(t, "aid", "", "text_missing", "", "", "",
    f"Articles I–V are held in full and promise no economic or technical aid (Article II's 'self-help and mutual aid' "
    f"concerns the means to deter armed attack); {NOT_WHOLE}. {ATOP} has ecaid=0; {NOTDEF}.")
add(t, "duration_termination", "indefinite", "coded", "VI", "This Treaty shall remain in force indefinitely", g,
    "Article VI is partial: its termination sentence ('Either Party may terminate it one year after notice has been given "
    "to t[…]') breaks off and is not completed from the 1954 US–Republic of China treaty, which begins with the same words. "
    "'indefinite' here comes with a unilateral right to terminate; the PRC–DPRK treaty's 'until_mutual_agreement' has none. "
    f"{ATOP} has speclgth=3 and renounce=1 (PRC–DPRK: speclgth=3, renounce=0); {NOTDEF}.")
add(t, "ratification", "required", "coded", "V",
    "This Treaty shall be ratified by the United States of America and the Republic of Korea in accordance with their respective constitutional processes", g,
    "Instruments to be exchanged at Washington. Metadata (treaties.csv, Eisenhower's message): exchanged and in force on "
    "17 Nov 1954 (18 Nov in Korean sources).")

# ---------------- Russia–DPRK 2000 (no text at all)
t, v = "russia_dprk_2000", "none"
add(t, "defence_obligation", "", "text_missing", "", "", "",
    f"No article text is held. Jamestown Monitor (Feb 2000) reports that the treaty excludes the 'military assistance clauses contained in the 1961 treaty'; Maeil Shinmun (3 Nov 2000) describes its security clause as contact and consultation. {ATOP} codes defense=0 and consul=1; COW v4.1 codes an entente (Type III). We do not code from descriptions.")
add(t, "trigger", "", "text_missing", "2", "", v,
    "Maeil Shinmun (3 Nov 2000) describes contact 'in case of danger of aggression' (a threat trigger for consultation); wording not held.")
add(t, "immediacy", "", "text_missing", "2", "", v,
    "Maeil Shinmun (3 Nov 2000) describes 'immediate mutual contact'; that is a press description of a consultation clause, not treaty text.")
add(t, "means", "", "text_missing", "", "", "", "No article text is held.")
add(t, "qualifiers", "", "text_missing", "", "", "", "No article text is held.")
add(t, "consultation", "", "text_missing", "2", "", v,
    f"Reported to be the consultation clause that replaced automatic assistance (Maeil Shinmun, 3 Nov 2000); wording not found. {ATOP} codes consul=1; COW v4.1 entente=1.")
add(t, "no_alliance_clause", "", "text_missing", "", "", "",
    f"Jamestown Monitor (Feb 2000) reports that the parties 'agreed simply not to back any state which attacks the other'; a KCNA spokesman's paraphrase is similar. Wording not held. {ATOP} has noothall=1; {NOTDEF}.")
add(t, "aid", "", "text_missing", "", "", "", "No article text is held. Jamestown Monitor describes a 'primary emphasis on boosting trade'.")
add(t, "duration_termination", "", "text_missing", "", "", "",
    f"Maeil Shinmun (3 Nov 2000) reports ten years' validity with automatic five-year extensions (secondary). {ATOP} has speclgth=1, length=120, proren=2, renewlgt=60; {NOTDEF}. It ceased to have effect on 4 Dec 2024 when the 2024 treaty entered into force.")
add(t, "ratification", "", "text_missing", "", "", "",
    "Metadata only: entry into force on 30 Oct 2000 by exchange of instruments in Moscow (Maeil Shinmun; Tongil News/Yonhap, tongilnews_2000_10_31).")

# ---------------- DPRK–Russia 2024 (Arts 1–4 held in KCNA English, Art. 4 in several translations; most else missing)
t = "dprk_russia_2024"
add(t, "defence_obligation", "yes", "coded", "4", "the other side shall provide military and other assistance", "kcna_en",
    "Not in ATOP 5.1 or COW v4.1 (both end before 2024). Analysts quoted by The Asia Business Daily (Dec 2024; asiae_2024_12_ratification) speak of the revival of the Soviet-era 'automatic military intervention' clause.")
add(t, "trigger", "armed_attack_war", "coded", "4", "is put in a state of war by an armed invasion from an individual state or several states", "kcna_en",
    "Same two conditions as 1961 (armed attack leading to a state of war).")
add(t, "immediacy", "without_delay", "coded", "4", "without delay", "yonhap_en",
    "KCNA's English breaks off at 'without […]'; KCNA's Korean text has 지체없이 ('without delay'), as do Yonhap's and Chosun Ilbo's translations. Interfax, translating the Russian text, has 'immediately'. The code follows the Korean text; a coder working from Russian would code 'immediately'. The Korean text of the 1961 USSR–DPRK Article 1 has the same word, 지체없이, which UNTS renders 'immediately'.")
add(t, "means", "all_means", "coded", "4", "with all means in its possession", "kcna_en")
add(t, "qualifiers", "un_charter_art51_and_laws", "coded", "4", "in line with Article 51 of the UN Charter and the laws of the DPRK and the Russian Federation", "yonhap_en",
    "In every complete version of Article 4 (Korean, Yonhap, Chosun, Interfax). KCNA's English breaks off before it.")
add(t, "consultation", "crisis", "coded", "3", "the two sides shall immediately operate the channel of bilateral negotiations", "kcna_en",
    "Triggered by 'a direct threat of armed invasion'. TASS's rendering from Russian says 'immediately activate bilateral channels for consultations'. KCNA's Korean text (kcna_ko, as quoted by Herald Economy) has '쌍무협상통로를 지체없이 가동시킨다' ('without delay').")
add(t, "no_alliance_clause", "yes", "coded", "5", "undertakes not to enter into agreements with third states directed against", "almayadeen_en",
    "Article 5 is held only as an excerpt of an agency rendering from the Russian text (Al Mayadeen via fmimalta.com).")
add(t, "aid", "", "text_missing", "10", "", "kcna_en",
    "Articles 6–23 are mostly missing. Daily NK gives only the topic of Article 10 (science and technology cooperation); no wording is held.")
add(t, "duration_termination", "", "text_missing", "", "", "",
    "Not confirmed which article holds the duration clause, so no article is named. TASS (5 Dec 2024, tass_2024_12_05) reports that the treaty is valid indefinitely. Wording not held.")
add(t, "ratification", "", "text_missing", "22", "", "kcna_en",
    "Wording not held. KCNA (via Interfax) says the treaty took effect on 4 Dec 2024 when the instruments were exchanged 'according to Article 22'.")

# ---------------- checks
bad = []
for r in rows:
    if r["status"] == "coded":
        a = arts[(r["treaty_id"], r["article"], r["version"])]
        if r["excerpt"] not in a["text"]:
            bad.append(r)
if bad:
    sys.exit(f"excerpt not verbatim: {bad}")
cols = ["treaty_id", "dimension", "code", "article", "excerpt", "version", "status", "source", "note"]
with open(ROOT / "treaties/provisions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(len(rows), "rows")
