"""Build the lesson-05 data files from the excerpts read on 2026-12-01 (see excerpts.md in this folder).

Writes data/sanctions/{resolutions,measures,votes}.csv, data/positions/china_statements.csv and
data/theory_quotes.csv; prints the sources and events rows that `append_shared.py` appends under the locks.
Every quote must occur verbatim in excerpts.md (checked below), which logs what was read.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / "data"
EXCERPTS = (HERE / "excerpts.md").read_text(encoding="utf-8")
ACCESSED = "2026-12-01"


def check(quote: str, where: str) -> None:
    if quote and quote not in EXCERPTS:
        raise SystemExit(f"quote not in excerpts.md ({where}): {quote[:90]!r}")


# --------------------------------------------------------------------------- sources (new keys only)
S = []


def src(key, citation, url, note):
    S.append({"key": key, "citation": citation, "url": url, "accessed": ACCESSED, "note": note})


src("un_1718_committee_resolutions", "UN Security Council, Committee established pursuant to resolution 1718 (2006), 'Resolutions' page (table: resolution link, date, unofficial description)", "https://main.un.org/securitycouncil/en/sanctions/1718/resolutions", "stored copy; official UN page; descriptions are labelled 'Unofficial Description'; search excerpt ends inside the 2397 entry.")
src("un_1718_committee_resolutions_old", "UN Security Council, Committee established pursuant to resolution 1718 (2006), 'Resolutions' page, older copy (entries to 5 Aug 2017)", "https://www.un.org/sc/suborg/en/sanctions/1718/resolutions", "stored copy; official UN page; unofficial descriptions of 2321 (30 Nov 2016), 2356 (02 June 2017) and 2371 (05 August 2017) read.")
src("un_sc_res_2270_summary", "UN Security Council, page for S/RES/2270 (2016) (English summary)", "https://www.un.org/securitycouncil/s/res/2270-%282016%29", "stored copy; official UN page; unofficial summary of the resolution's measures.")
src("un_sc_res_2321_summary_zh", "联合国安全理事会, S/RES/2321(2016) 决议页面 (中文摘要) / UN Security Council, page for S/RES/2321 (2016) (Chinese summary)", "https://un.org/securitycouncil/zh/s/res/2321%282016%29", "stored copy; official UN page in Chinese; the excerpt ends inside the financial-measures paragraph.")
src("unsanctionsapp_transportation", "UN Sanctions App, 'Transportation vehicles' (types of sanctions), quoting operative paragraphs of UNSCR 2321 (2016) and 2397 (2017)", "https://unsanctionsapp.com/types-of-sanctions/transportation-vehicles", "stored copy; third-party compilation that quotes resolution text with paragraph numbers (elisions '...' are the compiler's); not the UN's own copy.")
src("unsanctionsapp_aviation_fuel", "UN Sanctions App, 'Aviation fuel imports' (types of sanctions), quoting UNSCR 2270 (2016), paragraph 31", "https://unsanctionsapp.com/types-of-sanctions/aviation-fuel-imports", "stored copy; third-party compilation quoting resolution text; 'naptha' is spelled so in the copy.")
src("poe_report_s_2010_571", "Report of the Panel of Experts established pursuant to resolution 1874 (2009), circulated as UN doc. S/2010/571 (5 Nov 2010), as reproduced by Iran Watch", "https://www.iranwatch.org/library/multilateral-organizations/united-nations/un-panel-experts/report-panel-experts-north-korea-established-pursuant-resolution-1874-2009-0", "stored copy of a UN document on a third-party site (Wisconsin Project's Iran Watch); same text on docslib.org.")
src("un_news_2010_06_panel", "UN News, 'Security Council extends mandate of UN body dealing with DPR Korea sanctions', June 2010", "https://news.un.org/en/story/2010/06/341032", "stored copy; official UN news; day of publication not in the excerpt.")
src("aca_factsheet_2016_unsc_dprk", "Arms Control Association (Kelsey Davenport), 'UN Security Council Resolutions on North Korea', fact sheet updated March 2016 (Wayback Machine copy of 15 Apr 2017, via a Google Translate proxy URL)", "https://web.archive.org/web/20170415112133/https://www.armscontrol.org/factsheets/UN-Security-Council-Resolutions-on-North-Korea", "stored copy reached through translate.google.com; covers the five resolutions 1718-2270 only.")
src("usun_2013_01_23_res2087", "US Mission to the UN, 'USUN Fact Sheet on UNSC Response to North Korea's Launch' (USUN press release of 23 Jan 2013), posted by the US Mission Geneva, 24 Jan 2013", "https://geneva.usmission.gov/2013/01/24/usun-fact-sheet-on-unsc-response-to-north-koreas-launch/", "stored copy; official US government page.")
src("rok_mofa_2013_01_23_res2087", "ROK Ministry of Foreign Affairs, press release 'UN Security Council Adopts Resolution 2087 Strengthening Sanctions on North Korea', 23 Jan 2013", "https://mofa.go.kr/eng/brd/m_5676/view.do?itm_seq_1=0&itm_seq_2=0&multi_itm_seq=0&seq=311972", "stored copy; official; 'items(6)' appears to be a slip for entities (the USUN fact sheet says six entities).")
src("us_embassy_london_2013_03_07_res2094", "US Embassy London, 'Fact Sheet on U.N. Security Council Resolution 2094 on North Korea', 07 Mar 2013", "https://uk.usembassy.gov/nkorea020/", "stored copy; official US government page; excerpt ends inside the last highlight.")
src("voa_editorial_2013_res2094", "Voice of America Editorials, 'New UN Sanctions On North Korea', March 2013", "https://editorials.voa.gov/amp/sanctions-north-korea/1619849.html", "stored copy; VOA editorials present US government views.")
src("sputnik_2016_03_02_res2270", "Sputnik International, 'UNSC Adopts Resolution Expanding Sanctions Against North Korea', 2 Mar 2016", "https://sputnikglobe.com/20160302/unsc-resolution-north-korea-1035672230.html", "stored copy; Russian state media; quotes the Council president announcing the vote.")
src("ecns_2016_12_01_res2321", "Xinhua via China News Service (ecns.cn), 'UN Security Council adopts resolution in response to DPRK's fifth nuclear test', 1 Dec 2016", "http://ecns.cn/2016/12-01/235963.shtml", "stored copy; Chinese state media; resolution number not in the excerpt.")
src("chinadaily_2016_11_30_liu_jieyi", "China Daily (Xinhua), 'China firmly opposes DPRK's nuclear test, calls for resumption of talks', 30 Nov 2016", "https://global.chinadaily.com.cn/world/2016-11/30/content_27531816.htm", "stored copy; Chinese state media; Ambassador Liu Jieyi's remarks after the vote.")
src("newsnation_2016_11_30_res2321", "News Nation (English), 'UNSC unanimously imposes toughest sanctions on North Korea after its defiant nuclear tests', 30 Nov 2016", "https://english.newsnationtv.com/world/news/unsc-unanimously-imposes-toughest-sanctions-on-north-korea-after-its-defiant-nuclear-tests-152781.html", "stored copy; Indian outlet carrying wire copy; prints the 15-0 vote.")
src("us_embassy_seoul_2016_11_30_power_eov", "US Embassy Seoul, Ambassador Samantha Power, 'Explanation of Vote at the Adoption of UN Security Council Resolution 2321 on Sanctions on the DPRK', 30 Nov 2016", "https://kr.usembassy.gov/explanation-of-vote-at-the-adoption-of-un-security-council-resolution-2321-on-sanctions-on-the-democratic-peoples-republic-of-korea/", "stored copy; official US government page.")
src("un_press_sc12853", "UN Press Release SC/12853, 'Security Council Unanimously Adopts Resolution Extending Number, Scope of Sanctions against Democratic People's Republic of Korea', 2 Jun 2017", "https://press.un.org/en/2017/sc12853.doc.htm", "stored copy; official UN meetings coverage; the date is from the Law Library of Congress citation of SC/12853 (loc_glm_2017_06_07_res2356).")
src("loc_glm_2017_06_07_res2356", "Law Library of Congress, Global Legal Monitor, 'United Nations/North Korea: Additional Sanctions Adopted', 7 Jun 2017", "http://loc.gov/law/foreign-news/article/united-nationsnorth-korea-additional-sanctions-adopted/", "stored copy; US government (Library of Congress).")
src("un_mc_2017_08_05_res2371_mirror", "UN Meetings Coverage, 'Security Council Toughens Sanctions Against Democratic People's Republic of Korea, Unanimously Adopting Resolution 2371 (2017)', 5 Aug 2017, as copied on tedmontgomery.com", "https://tedmontgomery.com/remarks/17.7-12/NKorea/Resolution2371.adopted.html", "stored copy of the UN text on a private site; the UN original (press.un.org) was not found in the store.")
src("ecns_2017_08_06_res2371", "Xinhua via China News Service (ecns.cn), 'UNSC adopts resolution in response to DPRK's two ICBM tests in July', 6 Aug 2017", "http://www.ecns.cn/2017/08-06/268226.shtml", "stored copy; Chinese state media.")
src("lawglobalhub_res2371_text", "Law Global Hub, 'United Nations Security Council Resolution 2371 – Non-proliferation/Democratic People's Republic of Korea' (text of the resolution)", "https://lawglobalhub.com/united-nations-security-council-resolution-2371-non-proliferation-democratic-peoples-republic-of-korea", "stored copy of the resolution text on a third-party site; only the preamble surfaced in the excerpts.")
src("asil_2017_08_res2371", "American Society of International Law, International Law in Brief, 'UN Security Council Passes Resolution Strengthening Sanctions Against North Korea (August 5, 2017)'", "https://asil.org/print/blogs/un-security-council-passes-resolution-strengthening-sanctions-against-north-korea-august-5", "stored copy; quotes the resolution and the UN press release.")
src("thompsonhine_2017_09_res2375", "Thompson Hine SmarTrade (law firm blog), 'United Nations Adds Sanctions on North Korea', Sept 2017", "https://www.thompsonhinesmartrade.com/2017/09/united-nations-adds-sanctions-north-korea/", "stored copy; secondary summary by a law firm.")
src("un_mc_2017_12_22_res2397", "UN Audiovisual Library, '8151st Security Council Meeting: Non-Proliferation', 22 Dec 2017, with the UN Meetings Coverage text 'Security Council tightens sanctions on Democratic People's Republic of Korea, unanimously adopting Resolution 2397 (2017)'", "https://www.unmultimedia.org/avlibrary/asset/2066/2066842/", "stored copy; official UN page. It says repatriation of workers 'within 12 months', where ROK MOFA, ASIL, Xinhua and Sejong say 24 months (kept as separate rows in sanctions/measures.csv).")
src("usun_2017_12_22_res2397_factsheet", "US Mission to the UN, 'FACT SHEET: UN Security Council Resolution 2397 on North Korea', 22 Dec 2017", "https://usun.state.gov/remarks/8238", "stored copy; official US government page; names operative paragraphs (OP4, OP5, OP8 ...).")
src("asil_2017_12_22_res2397", "American Society of International Law, International Law in Brief, 'UN Security Council Passes Resolution Increasing Sanctions on North Korea (December 22, 2017)'", "https://asil.org/print/blogs/un-security-council-passes-resolution-increasing-sanctions-north-korea-december-22-2017", "stored copy; secondary summary.")
src("sejong_2019_12_12_res2397_workers", "Chung Eunsook, 'Repatriation of North Korean Workers Under the UN Security Council Resolution 2397: Status and Evaluation', Sejong Policy Brief, Sejong Institute, 2019-12-12", "https://sejong.org/web/boad/22/egoread.php?bd=24&pg=48&seq=5193", "stored copy; 'Among of' is so printed.")
src("rok_mofa_2017_11_29_launch_statement", "ROK Ministry of Foreign Affairs, 'Statement by the Government of the Republic of Korea on the DPRK's Long-range Ballistic Missile Launch of November 29' (unofficial translation), 29 Nov 2017", "http://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=319464", "stored copy; official; Korean-time date.")
src("jiji_2022_05_27_veto", "Jiji Press via Nippon.com, 'U.N. Security Council Votes Down New Sanctions on N. Korea', New York, 26 May 2022 (posted 27 May)", "https://www.nippon.com/en/news/yjj2022052700200/u-n-security-council-votes-down-new-sanctions-on-n-korea.html", "stored copy; wire copy.")
src("yonhap_2022_05_27_veto", "Yonhap (Byun Duk-kun), 'U.N. Security Council fails to pass N. Korea resolution due to opposition by China, Russia', Washington, 26 May 2022 (posted 06:08 May 27, 2022 KST), stored via a CFR newsletter redirect to en.yna.co.kr/view/AEN20220527000400325", "https://link.cfr.org/click/27860208.56647/aHR0cHM6Ly9lbi55bmEuY28ua3Ivdmlldy9BRU4yMDIyMDUyNzAwMDQwMDMyNT9zZWN0aW9uPXNlYXJjaCZ1dG1fc291cmNlPWRhaWx5YnJpZWY/62789bee3e942ca96304f43aB4e838c35", "stored copy reached through a newsletter redirect; the page is Yonhap's.")
src("telesur_2022_05_27_veto", "teleSUR English, 'China, Russia Veto New UN Sanctions on DPRK Over Missile Tests', 27 May 2022", "https://www.telesurenglish.net/news/China-Russia-Veto-New-UN-Sanctions-on-DPRK-Over-Missile-Tests-20220527-0004.html", "stored copy; vote 13-2 'on Thursday'.")
src("lusa_sapo24_2024_03_28_veto", "Lusa via SAPO 24, 'Rússia veta na ONU prolongamento de mandato de peritos para Coreia do Norte', 28 Mar 2024", "http://sapo24.pt/atualidade/artigos/russia-veta-na-onu-prolongamento-de-mandato-de-peritos-para-coreia-do-norte", "stored copy; Portuguese; the draft would have extended the panel to 30 April 2025.")
src("china_mission_2024_03_28_geng_shuang_eov", "Permanent Mission of the PRC to the UN, 'Explanation of Vote by Ambassador Geng Shuang on the UN Security Council Resolution Extending the Mandate of the Panel of Experts of the DPRK Sanctions Committee', 2024-03-28", "http://un.china-mission.gov.cn/eng/dbtxx/2020070710/2020070714/202403/t20240329_11272863.htm", "stored copy; official Chinese government page; the excerpt ends before China's vote is named.")
src("china_mission_2023_03_23_geng_shuang_eov", "Permanent Mission of the PRC to the UN, 'Explanation of Vote by Ambassador Geng Shuang on the UN Security Council Resolution Extending the Mandate of the 1718 Committee/DPRK Panel of Experts', 2023-03-23", "http://un.china-mission.gov.cn/eng/dbtxx/2020070710/2020070714/202303/t20230324_11048270.htm", "stored copy; official Chinese government page.")
src("reuters_asiaone_2019_12_17_draft", "Reuters via AsiaOne, 'China, Russia propose lifting some UN sanctions on North Korea; US says not the time', 17 Dec 2019", "https://www.asiaone.com/world/china-russia-propose-lifting-some-un-sanctions-north-korea-us-says-not-time", "stored copy; Reuters saw the draft.")
src("rfa_2019_12_17_draft", "Radio Free Asia, 'China, Russia Propose Lifting Sanctions on North Korea for Humanitarian Purposes at U.N. Security Council', 17 Dec 2019 (excerpt reposted by Stimson Center)", "https://www.stimson.org/content/china-russia-propose-lifting-sanctions-north-korea-humanitarian-purposes-un-security-council", "stored copy of excerpt.")
src("reuters_2021_11_draft_revived", "Reuters-derived text on blog.kinaforum.com, 'China and Russia revive push to lift UN sanctions on North Korea', Nov 2021", "http://blog.kinaforum.com/2021/11/china-and-russia-revive-push-to-lift-un.html", "stored copy of a blog repost; lower reliability.")
src("chinadaily_2008_12_12_six_party", "China Daily, 'Six-Party Talks end in stalemate', updated 2008-12-12 07:44", "http://www.chinadaily.com.cn/world/2008-12/12/content_7297493.htm", "stored copy; Chinese state media.")
src("yonhap_oana_2008_12_11_six_party", "Yonhap (Lee Chi-dong), 'Nuclear talks end without any deal', Beijing, 11 Dec 2008 (OANA repost)", "http://m.oananews.org/node/35230", "stored copy of a wire repost.")
src("people_cn_2013_05_27_hong_lei", "Xinhua via People's Daily Online, 'China calls for denuclearization of Korean Peninsula', 27 May 2013", "http://en.people.cn/90883/8260141.html", "stored copy; Chinese state media; spokesman Hong Lei, reported speech.")
src("cri_2016_08_24_wang_yi", "国际在线 (China Radio International), 朱曼君、李轶豪, '王毅谈中方对朝鲜半岛问题的“三个反对”和“三个坚持”', 2016-08-24 (traditional-character gateway copy)", "https://big5.cri.cn/gate/big5/news.cri.cn/20160824/bfa639fd-4f6d-398b-278b-a69a2204acfc.html", "stored copy; Chinese state media; text in traditional characters as stored.")
src("globaltimes_2018_05_25_lu_kang", "Global Times (Xinhua), report on Foreign Ministry spokesperson Lu Kang's briefing after the cancellation of the DPRK-US summit, 25 May 2018", "http://www.globaltimes.cn/content/1104118.shtml", "stored copy; Chinese state media; date from the stored metadata and 'China said Friday'.")
src("people_cn_2020_06_20_yang_jiechi", "Xinhua via People's Daily Online, report of 19 Jun 2020 (Beijing) on Yang Jiechi's position on the Korean Peninsula, cited by spokesperson Zhao Lijian", "http://en.people.cn/n3/2020/0620/c90000-9702503.html", "stored copy; Chinese state media; reported speech.")
src("cri_it_2022_04_26_wang_wenbin", "China Radio International (Italian service), 'Cina sosterrà la pace e la stabilità nella penisola coreana e il raggiungimento della denuclearizzazione della penisola', 26 Apr 2022", "http://italian.cri.cn/notizie/cina/3204/20220426/752589.html", "stored copy; Chinese state media in Italian; spokesperson Wang Wenbin, reported speech.")
src("ecns_mirror_2024_03_07_wang_yi", "China Daily / ECNS, 'Wang warns against stirring trouble in the Korean Peninsula', 2024-03-07 (copy on a mirror site, bazhesc.com)", "http://www.bazhesc.com/news/2024-03-07/detail-ihcyipmf1907202.shtml", "stored copy on an unaffiliated mirror of ecns.cn (page credits chinadaily.com.cn and Chinanews.com); lower reliability; the same text is on other mirrors.")
src("kbs_2024_03_wang_yi_two_sessions", "KBS World (English), report on Wang Yi's 'Two Sessions' press conference on the Korean Peninsula, March 2024 (Seq_Code=184093)", "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=184093", "stored copy; stored metadata dated 2024-02-23, but the item reports the annual Two Sessions press conference.")
src("asiae_2025_12_06_white_paper", "The Asia Business Daily (asiae.co.kr), report on China's arms-control white paper omitting 'denuclearization of the Korean Peninsula', 6 Dec 2025", "https://cm.asiae.co.kr/en/article/2025120618150801017", "stored copy; quotes the 2005, 2017 and 2025 white papers in its own translation.")
src("eagleintel_2025_white_paper", "Eagle Intelligence Reports, 'China's pivot on denuclearizing the Korean peninsula' (undated in the stored copy; after 27 Nov 2025)", "https://eagleintelreports.com/chinas-pivot-on-denuclearizing-the-korean-peninsula", "stored copy; commentary site, lower reliability; its wording of the 2005 white paper differs from asiae's.")
src("chinadaily_2005_09_01_white_paper", "Xinhua via China Daily, 'Full text of White Paper on Arms Control', 1 Sep 2005", "http://covid-19.chinadaily.com.cn/china/2005-09/01/content_536126.htm", "stored copy; only the opening (date, title, foreword) surfaced; the Korean Peninsula passage was not read.")
src("prc_defense_white_paper_2008_globalsecurity", "State Council Information Office of the PRC, 'China's National Defense in 2008', chapter XIV 'Arms Control and Disarmament', section 'Non-Proliferation' (copy on GlobalSecurity.org)", "https://www.globalsecurity.org/military/library/report/2009/china-090120wp/chap14-3.htm", "stored copy on a third-party site; publication date not in the excerpt (the URL path suggests January 2009).")
src("fmprc_2009_12_10_li_song", "PRC Ministry of Foreign Affairs, 'Statement by Mr. LI Song, Deputy Director-General of the Department of Arms Control and Disarmament, MFA, China at the Annual NATO Conference on Arms Control, Disarmament and Nonproliferation (December 10, 2009 Warsaw)'", "https://www.fmprc.gov.cn/mfa_eng/wjb_663304/zzjg_663340/jks_665232/kjfywj_665252/200912/t20091221_599623.html", "stored copy; official.")
src("rok_president_2023_04_27_washington_declaration", "Office of the President of the Republic of Korea, Briefing Room, 'Korea and the U.S. adopt joint declaration, form Nuclear Consultative Group', 2023.04.27", "https://eng.president.go.kr/briefing/Sf7k2w7Q", "stored copy; official; quotes the declaration.")
src("koreaherald_2023_04_27_washington_declaration_text", "The Korea Herald, 'Full text of Washington Declaration', 27 Apr 2023", "https://www.koreaherald.com/view.php?ud=20230427000023&np=9&mp=1", "stored copy; '7oth anniversary' is so printed.")
src("whitehouse_2023_07_18_ncg_readout", "The White House (archived), 'Joint Readout of the Inaugural U.S.-ROK Nuclear Consultative Group Meeting', 18 Jul 2023", "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2023/07/18/joint-readout-of-the-inaugural-u-s-rok-nuclear-consultative-group-meeting", "stored copy; official (archived White House site).")
src("us_embassy_seoul_2023_08_19_commitment_to_consult", "US Embassy Seoul, 'Commitment to Consult Among Japan, the Republic of Korea, and the United States', August 19, 2023", "https://kr.usembassy.gov/081923-commitment-to-consult/", "stored copy; official; full text.")
src("us_embassy_seoul_2023_trilateral_summit_page", "US Embassy Seoul, 'Trilateral Leaders Summit' page (statements of the Camp David summit)", "https://kr.usembassy.gov/2023-trilateral-leaders-summit/", "stored copy; official; lists the Spirit of Camp David and the Camp David Principles.")
src("mcst_2023_08_28_camp_david", "ROK Ministry of Culture, Sports and Tourism (KOCIS), '[Aug] Camp David summit reshapes Korea-U.S.-Japan ties', 28 Aug 2023", "http://www.mcst.go.kr/english/policy/kocis/newsView.jsp?pSeq=177", "stored copy; official ROK government page.")
src("cgtn_2023_08_18_china_camp_david", "CGTN, 'China criticizes U.S.-Japan-ROK summit seeking security at others' expense', 18 Aug 2023", "https://news.cgtn.com/news/2023-08-18/China-slams-U-S-Japan-ROK-summit-seeking-security-at-others-expense-1mnhiM0dpVS/index.html", "stored copy; Chinese state media; spokesperson Wang Wenbin.")
src("cgtn_2023_08_21_china_camp_david", "CGTN, 'China lodges complaints with U.S., Japan, S. Korea over statement at Camp David', 21 Aug 2023", "https://news.cgtn.com/news/2023-08-21/China-blasts-U-S-Japan-S-Korea-over-Camp-David-statement-1mrXMEtoe52/index.html", "stored copy; Chinese state media; spokesperson Wang Wenbin.")
src("anews_2023_07_08_liu_xiaoming_ncg", "A News (Anadolu-based), 'First S.Korea-U.S. Nuclear Consultative Group meeting to be held later this month', 8 Jul 2023", "https://anews.com.tr/world/2023/07/08/first-skorea-us-nuclear-consultative-group-meeting-to-be-held-later-this-month/amp", "stored copy; quotes a tweet by Liu Xiaoming; the tweet's own date is not given.")
src("cha_1999_alignment", "Cha, Victor D. 1999. Alignment Despite Antagonism: The US-Korea-Japan Security Triangle. Stanford, CA: Stanford University Press. xviii + 373 pp.", "https://www.h-net.org/reviews/showrev.php?id=3843", "the book itself was NOT read; its bibliographic data and the p. 2-3 quotations come from the H-Net review (hnet_saraoglu_2000_cha).")
src("hnet_saraoglu_2000_cha", "Emre Saraoglu, review of Victor D. Cha, Alignment Despite Antagonism, H-US-Japan, H-Net Reviews, February 2000", "https://www.h-net.org/reviews/showrev.php?id=3843", "stored copy; quotes Cha's definition of a quasi alliance with a page number (p. 3).")
src("totten_2000_cha", "George Oakley Totten III, review of Victor D. Cha, Alignment Despite Antagonism, Korean Studies Review 2000-11 (first in Acta Koreana 3 (2000): 175-77)", "https://koreanstudies.com/ks/ksr/ksr00-11.htm", "stored copy.")
src("stanford_up_blurb_cha_1999", "Publisher's description of Cha, Alignment Despite Antagonism (Stanford University Press), as reproduced on a Goodreads page (CloudFront mirror)", "https://djgho45yw78yg.cloudfront.net/book/show/425750.Alignment_Despite_Antagonism", "stored copy of a mirror; the publisher's blurb, not Cha's text.")

# --------------------------------------------------------------------------- resolutions
MEASURES = ["arms_embargo", "wmd_items", "luxury_goods", "designations", "cargo_inspection", "financial", "panel_of_experts",
            "coal_iron_minerals", "statues", "seafood", "textiles", "overseas_workers", "joint_ventures", "aviation_fuel",
            "refined_petroleum_cap", "crude_oil_cap", "natural_gas_condensates", "diplomatic_restrictions",
            "other_export_bans", "other_import_bans"]

R = []


def res(num, year, date, event_id, trig, trigger, meeting, measures, basis, vote_quote, vote_source, note, counts=(15, 0, 0)):
    R.append({"resolution": num, "symbol": f"S/RES/{num} ({year})", "adoption_date": date, "meeting": meeting,
              "event_id": event_id, "trigger_event_ids": trig, "trigger": trigger, "measures": ";".join(measures),
              "votes_for": counts[0], "votes_against": counts[1], "abstentions": counts[2], "unanimous": "true",
              "vote_count_basis": basis, "vote_quote": vote_quote, "source": vote_source, "note": note})


ALL_UNANIMOUS = ("All ten resolutions 2006-2017 were adopted unanimously: 'After North Korea conducted its first nuclear test in 2006, the Security Council "
                 "adopted sanctions resolutions against the reclusive state 10 times, all unanimously.' (jiji_2022_05_27_veto)")

res(1718, 2006, "2006-10-14", "2006_unsc_res_1718", "2006_dprk_nuclear_test_1", "first nuclear test (9 Oct 2006)", "5551",
    ["arms_embargo", "wmd_items", "luxury_goods", "cargo_inspection", "designations"], "unanimous",
    "the Council unanimously adopted resolution 1718 (2006)", "un_press_sc8853",
    "Press release SC/8853, '5551st Meeting (PM)'. The measures are read from the press release (a UN summary); the operative paragraphs were not read. " + ALL_UNANIMOUS)
res(1874, 2009, "2009-06-12", "2009_unsc_res_1874", "2009_dprk_nuclear_test_2", "second nuclear test (25 May 2009)", "",
    ["arms_embargo", "cargo_inspection", "financial", "panel_of_experts"], "unanimous",
    "On 12 June 2009, the Security Council unanimously adopted resolution 1874 (2009)", "poe_report_s_2010_571",
    "Measures from the Panel of Experts' report (S/2010/571) and UN News (June 2010). Operative text not read.")
res(2087, 2013, "2013-01-22", "2013_unsc_res_2087", "2012_12_12_dprk_long_range_launch", "long-range missile launch (12 Dec 2012)", "",
    ["designations", "wmd_items", "financial"], "unanimous",
    "the UN Security Council unanimously adopted Resolution 2087", "rok_mofa_2013_01_23_res2087",
    "ROK MOFA: 'On January 23 (January 22, New York time)'. Measures from the ROK MOFA release and the USUN fact sheet; operative text not read.")
res(2094, 2013, "2013-03-07", "2013_unsc_res_2094", "2013_dprk_nuclear_test_3", "third nuclear test (12 Feb 2013)", "",
    ["financial", "cargo_inspection", "luxury_goods", "designations"], "unanimous",
    "The UN Security Council today unanimously adopted a resolution to impose additional sanctions on North Korea in response to that country’s February 12th announcement of a nuclear test.",
    "us_embassy_london_2013_03_07_res2094",
    "US fact sheet dated 07 March 2013; VOA editorial: 'The United Nations Security Council has unanimously adopted Resolution 2094'. Operative text not read.")
res(2270, 2016, "2016-03-02", "2016_unsc_res_2270", "2016_dprk_nuclear_test_4", "fourth nuclear test (6 Jan 2016) and a launch on 7 Feb 2016 (the launch is not rowed in events.csv)", "",
    ["arms_embargo", "wmd_items", "cargo_inspection", "financial", "coal_iron_minerals", "luxury_goods", "aviation_fuel", "diplomatic_restrictions", "designations"],
    "printed", "The result of the voting is the following: the draft resolution received 15 votes in favor. The draft resolution has been adopted unanimously as resolution 2270",
    "sputnik_2016_03_02_res2270",
    "The Council president's announcement as quoted by Sputnik. Sputnik also: the vote was 'postponed until Wednesday at Russia's request'. ACA (March 2016): 'All five resolutions were passed unanimously' (1718-2270).")
res(2321, 2016, "2016-11-30", "2016_unsc_res_2321", "2016_dprk_nuclear_test_5", "fifth nuclear test (9 Sep 2016)", "",
    ["coal_iron_minerals", "statues", "arms_embargo", "cargo_inspection", "other_import_bans", "diplomatic_restrictions", "luxury_goods", "financial"],
    "printed", "The new sanctions resolution - which was spearheaded by the United States and came after three months of tough negotiations with fellow veto-wielding council member China - passed by a 15-0 vote.",
    "newsnation_2016_11_30_res2321",
    "Wire copy (News Nation); the same article names 'Resolution 2321'. Xinhua (chinadaily_2016_11_30_liu_jieyi): the council 'unanimously adopted a resolution'. US EOV title: 'Adoption of UN Security Council Resolution 2321', November 30, 2016 (us_embassy_seoul_2016_11_30_power_eov).")
res(2356, 2017, "2017-06-02", "2017_06_02_unsc_res_2356", "", "no single trigger: launches and related activities 'conducted since 9 September 2016' (SC/12853)", "",
    ["designations"], "unanimous",
    "On June 2, 2017, the United Nations Security Council unanimously adopted Resolution 2356 (2017), sponsored by the United States",
    "loc_glm_2017_06_07_res2356;un_press_sc12853",
    "No single trigger event: the press release names launches since 9 Sep 2016. Designations only (14 individuals and 4 entities, 1718 Committee page).")
res(2371, 2017, "2017-08-05", "2017_unsc_res_2371", "2017_07_03_dprk_icbm_test;2017_07_28_dprk_icbm_test", "two ICBM tests (3 and 28 Jul 2017, as dated in the resolution)", "",
    ["coal_iron_minerals", "seafood", "overseas_workers", "joint_ventures", "designations", "cargo_inspection"], "unanimous",
    "Unanimously adopting resolution 2371 (2017) under Article 41, Chapter VII of the United Nations Charter, the 15-nation Council decided that the Democratic People's Republic of Korea shall not supply, sell or transfer coal, iron, iron ore, seafood, lead and lead ore to other countries.",
    "un_mc_2017_08_05_res2371_mirror",
    "UN Meetings Coverage of 5 Aug 2017 (private-site copy). Xinhua: 'adopted unanimously by the Security Council on Saturday'.")
res(2375, 2017, "2017-09-11", "2017_unsc_res_2375", "2017_dprk_nuclear_test_6", "sixth nuclear test (3 Sep 2017)", "",
    ["textiles", "natural_gas_condensates", "refined_petroleum_cap", "crude_oil_cap", "overseas_workers", "joint_ventures", "cargo_inspection", "designations"],
    "unanimous", "The United Nations (UN) Security Council unanimously passed resolution 2375 (2017) on Monday",
    "thompsonhine_2017_09_res2375;un_sc_res_2375_summary_fr",
    "Adoption date from the UN page: 'la date d’adoption de la résolution (11 septembre 2017)'. UN press release not found in the store.")
res(2397, 2017, "2017-12-22", "2017_unsc_res_2397", "2017_11_29_dprk_icbm_launch", "long-range ballistic missile launch (29 Nov 2017 Korea time; 28 Nov in UN documents)", "8151",
    ["refined_petroleum_cap", "crude_oil_cap", "overseas_workers", "other_export_bans", "other_import_bans", "cargo_inspection", "designations"],
    "unanimous", "Security Council tightens sanctions on Democratic People’s Republic of Korea, unanimously adopting Resolution 2397 (2017) at 8151st meeting.",
    "un_mc_2017_12_22_res2397",
    "ROK MOFA: 'December 23 (December 22, New York time)' and 'Resolution 2397 marks the tenth sanctions resolution'. Sejong: 'Among of the ten UN sanctions resolutions against North Korea, which the 15 members of the Security Council unanimously adopted'.")

# --------------------------------------------------------------------------- measures
M = []
_n = {}


def mea(num, measure, quote, kind, source, paragraph="", note=""):
    assert measure in MEASURES, measure
    _n[(num, measure)] = _n.get((num, measure), 0) + 1
    status = "operative_text" if kind == "resolution_text" else ("summary" if quote else "text_missing")
    M.append({"row_id": f"{num}_{measure}_{_n[(num, measure)]}", "resolution": num, "measure": measure,
              "paragraph": paragraph, "status": status, "quote_kind": kind if quote else "", "quote": quote,
              "source": source, "note": note})


q1718 = "Through its decision, the Council prohibited the provision of large-scale arms, nuclear technology and related training to the Democratic People’s Republic of Korea, as well as luxury goods, calling upon all States to take cooperative action, including through inspection of cargo, in accordance with their respective national laws."
for m in ("arms_embargo", "wmd_items", "luxury_goods", "cargo_inspection"):
    mea(1718, m, q1718, "un_summary", "un_press_sc8853")
mea(1718, "designations", "which prevents a range of goods from entering or leaving the Democratic People’s Republic of Korea and imposes an asset freeze and travel ban on persons related to the nuclear-weapon programme", "un_summary", "un_press_sc8853")

q1874n = "The Council adopted resolution 1874 in June of last year, imposing a series of measures on the DPRK that include tougher inspections of cargo suspected of containing banned items related to the country’s nuclear and ballistic missile activities, a tighter arms embargo with the exception of light weapons and new financial restrictions."
mea(1874, "arms_embargo", q1874n, "un_summary", "un_news_2010_06_panel")
mea(1874, "cargo_inspection", "Resolution 1874 (2009) also introduced a strong interdiction system, which calls upon all Member States to inspect all cargo to and from the Democratic People’s Republic of Korea in their territory", "un_summary", "poe_report_s_2010_571")
mea(1874, "financial", q1874n, "un_summary", "un_news_2010_06_panel")
mea(1874, "panel_of_experts", "On 12 June 2009, the Security Council unanimously adopted resolution 1874 (2009), in which it requested the Secretary-General to establish a Panel of Experts mandated to gather, examine and analyse information regarding the implementation of the measures imposed by the Council in its resolutions 1718 (2006) and 1874 (2009)", "un_summary", "poe_report_s_2010_571",
    note="The panel's mandate ended on 30 April 2024 (events 2024_03_28_russia_vetoes_panel_of_experts, 2024_04_30_panel_of_experts_mandate_ends).")

mea(2087, "designations", "In response to North Korea’s December 12 launch, the UN Security Council adopted Resolution 2087 to condemn the launch and impose new sanctions, including asset freezes and travel bans on critical North Korean companies and officials.", "government_summary", "usun_2013_01_23_res2087")
q2087 = "designating additional items(6) and individuals(4) and updating nuclear and missile-related items; calling for enhanced vigilance on the activities of North Korean financial institutions"
mea(2087, "wmd_items", q2087, "government_summary", "rok_mofa_2013_01_23_res2087", note="'items(6)' is so printed; the USUN fact sheet speaks of six entities and four individuals.")
mea(2087, "financial", q2087, "government_summary", "rok_mofa_2013_01_23_res2087", note="A call for vigilance, not a prohibition, as summarised.")

mea(2094, "financial", "Imposes new financial sanctions to block financial transactions in support of illicit DPRK activity, crack down on bulk cash transfers, and further restrict ties to North Korea’s financial sector, if there is a link to illicit DPRK activity;", "government_summary", "us_embassy_london_2013_03_07_res2094")
mea(2094, "cargo_inspection", "Strengthens states’ authority to inspect suspicious cargo and deny port and over flight access to DPRK-affiliated shipments where warranted;", "government_summary", "us_embassy_london_2013_03_07_res2094")
mea(2094, "luxury_goods", "They will also make it more difficult for North Korea's ruling elite to acquire luxury goods.", "government_summary", "voa_editorial_2013_res2094",
    note="The US fact sheet's excerpt breaks off at 'Adds new items to the Security Council s', probably the luxury-goods or control lists; not used.")
mea(2094, "designations", "Sanctions new individuals and entities;", "government_summary", "us_embassy_london_2013_03_07_res2094")

q2270a = "Expands arms embargo and non-proliferation measures, including small arms and light weapons, catch-all provisions to ban any item if related to prohibited programmes, dual-use nuclear/missile items, and operational capabilities of DPRK’s and another Member States’ armed forces."
mea(2270, "arms_embargo", q2270a, "un_summary", "un_sc_res_2270_summary")
mea(2270, "wmd_items", q2270a, "un_summary", "un_sc_res_2270_summary")
mea(2270, "cargo_inspection", "Enforces new cargo inspection and maritime procedures, including mandatory inspection on cargo destined to and originating from the DPRK; ban on DPRK chartering of vessels and aircraft; ban on operating DPRK vessels or using DPRK flags; ban on flights (of any plane) or port calls (of any vessel) if related to prohibited items, prohibited activities, and designated persons or entities.", "un_summary", "un_sc_res_2270_summary")
mea(2270, "financial", "Expands financial measures, including an assets freeze on Government of the DPRK and its Workers’ Party entities associated with prohibited programmes and activities; clarifies that assets freeze includes vessels; prohibits DPRK banks from opening new branches; requires States to close existing DPRK bank branches in their territories; prohibits Member States from opening branches in the DPRK; requires States to close existing offices in the DPRK if related to prohibited programmes or sanctions violations.", "un_summary", "un_sc_res_2270_summary")
q2270s = "Enforces sectoral sanctions (coal, minerals and fuel ban) and prohibits its procurement and/or transfer by Member States. Adds new items to the luxury goods ban."
mea(2270, "coal_iron_minerals", q2270s, "un_summary", "un_sc_res_2270_summary", note="The livelihood exception for coal and iron is not in this summary; which minerals are covered is not listed here.")
mea(2270, "luxury_goods", q2270s, "un_summary", "un_sc_res_2270_summary")
mea(2270, "aviation_fuel", "Decides that all States shall prevent the sale or supply, by their nationals or from their territories or using their flag vessels or aircraft, of aviation fuel, including aviation gasoline, naptha-type jet fuel, kerosene-type jet fuel, and kerosene-type rocket fuel, whether or not originating in their territory, to the territory of the DPRK", "resolution_text", "unsanctionsapp_aviation_fuel", paragraph="31",
    note="Resolution text as quoted by a third-party compilation, which continues with exceptions (humanitarian needs; civilian passenger aircraft).")
mea(2270, "diplomatic_restrictions", "Requires Member States to expel DPRK diplomats and foreign nationals involved in illicit activities.", "un_summary", "un_sc_res_2270_summary")
mea(2270, "designations", "Designates additional 16 individuals and 12 entities.", "un_summary", "un_sc_res_2270_summary")

mea(2321, "coal_iron_minerals", "大幅调整和扩大部门制裁,设定了朝鲜年度煤炭出口数量/金额上限,出台了煤炭出口实时报告和监测系统。", "un_summary", "un_sc_res_2321_summary_zh",
    note="UN summary in Chinese: an annual cap on the quantity/value of DPRK coal exports, with real-time reporting. Copper, nickel, silver and zinc: see the statues row and the UN Chinese page ('在禁止向朝鲜供应、销售或转让的物资中增加了铜、镍、银和锌').")
mea(2321, "coal_iron_minerals", "The council sets an upper limit on the DPRK's coal exporting, saying the total exports from the DPRK do not exceed 400.9 million U.S. dollars or 7.5 million metric tons per year, whichever is lower, starting on Jan. 1, 2017.", "press_report", "ecns_2016_12_01_res2321",
    note="Xinhua gives the figures of the cap. The resolution's own wording was not read.")
mea(2321, "statues", "In addition, the Security Council bans the sale of copper, nickel, silver, zinc and statues from the DPRK, according to the resolution.", "press_report", "ecns_2016_12_01_res2321")
mea(2321, "arms_embargo", "Expands arms embargo to the items listed in a new conventional arms dual-use list (which is to be adopted by the 1718 Committee).", "un_summary", "un_1718_committee_resolutions_old")
mea(2321, "cargo_inspection", "Expands cargo inspection by clarifying certain personal and/or checked baggage entering into or departing from the DPRK as “cargo” which is subject to inspection", "un_summary", "un_1718_committee_resolutions_old")
mea(2321, "other_import_bans", "Decides that all Member States shall prevent the direct or indirect supply, sale or transfer to the DPRK, through their territories or by their nationals, or using their flag vessels or aircraft, and whether or not originating in their territories, of new helicopters and vessels", "resolution_text", "unsanctionsapp_transportation", paragraph="30",
    note="Resolution text as quoted by a third-party compilation (new helicopters and vessels).")
mea(2321, "diplomatic_restrictions", "加强扩散网方面的措施,要求会员国减少朝鲜外交使团和领事馆的工作人员人数,限定每个朝鲜外交使团和领事馆在其境内银行里只能有1个账户,朝鲜派驻的每个外交官和领事官只能有1个账户。", "un_summary", "un_sc_res_2321_summary_zh")
mea(2321, "luxury_goods", "在奢侈品禁令中增加了新的物项。", "un_summary", "un_sc_res_2321_summary_zh")
mea(2321, "financial", "加强金融措施,包括在九十天内关闭朝鲜境内现有", "un_summary", "un_sc_res_2321_summary_zh",
    note="The stored excerpt ends mid-sentence here ('strengthens financial measures, including closing within ninety days existing ...').")

mea(2356, "designations", "The Security Council decided today to extend the number of individuals and entities targeted by sanctions first imposed under resolution 1718 (2006) — an asset freeze and travel ban for those involved in the Democratic People’s Republic of Korea’s nuclear-weapon programme.", "un_summary", "un_press_sc12853")
mea(2356, "designations", "Designates additional 14 individuals and 4 entities.", "un_summary", "un_1718_committee_resolutions_old")

mea(2371, "coal_iron_minerals", "shall not supply, sell or transfer, directly or indirectly, from its territory or by its nationals or using its flag vessels or aircraft, coal, iron, and iron ore.", "resolution_text", "asil_2017_08_res2371",
    note="Resolution words as quoted by ASIL (paragraph number not given).")
mea(2371, "coal_iron_minerals", "Introduces a full ban on coal, iron and iron ore, and adds lead and lead ore to the banned commodities subject to sectoral sanctions.", "un_summary", "un_1718_committee_resolutions_old")
mea(2371, "seafood", "Prohibits the export by the DPRK of seafood (including fish, crustaceans, mollusks and other aquatic invertebrates in all forms).", "un_summary", "un_1718_committee_resolutions_old")
mea(2371, "overseas_workers", "it also decided that all Member States shall not increase the total number of work authorizations for such persons in their jurisdictions, unless approved by the Security Council Committee established pursuant to resolution 1718 (2006).", "un_summary", "un_mc_2017_08_05_res2371_mirror")
mea(2371, "joint_ventures", "Through the text, the Council decided that States shall prohibit the opening of new joint ventures or cooperative entities with the Democratic People's Republic of Korea entities and individuals, or expand existing joint ventures through additional investments.", "un_summary", "un_mc_2017_08_05_res2371_mirror")
mea(2371, "designations", "Also through the resolution, the Council named nine individuals and four entities to be subject to a travel ban and asset freeze already in place", "un_summary", "un_mc_2017_08_05_res2371_mirror")
mea(2371, "cargo_inspection", "Authorizes the 1718 Committee to designate vessels related to activities prohibited by relevant resolutions, and prohibits port calls by designated vessels and chartering of DPRK flagged vessels.", "un_summary", "un_1718_committee_resolutions_old")

mea(2375, "textiles", "Interdit l’exportation de textiles (notamment, mais non exclusivement, de tissus et de vêtements partiellement ou entièrement assemblés) par la République populaire démocratique de Corée.", "un_summary", "un_sc_res_2375_summary_fr")
mea(2375, "natural_gas_condensates", "Instaure l’interdiction complète de la vente, de la fourniture ou du transfert de tous condensats de gaz et liquides de gaz naturel à la République populaire démocratique de Corée.", "un_summary", "un_sc_res_2375_summary_fr")
mea(2375, "refined_petroleum_cap", "Impose, quant au nombre de barils de produits pétroliers raffinés qu’il est permis de vendre, fournir ou transférer à la République populaire démocratique de Corée, une limite qui s’assortit de conditions très précises", "un_summary", "un_sc_res_2375_summary_fr")
mea(2375, "refined_petroleum_cap", "The UN Security Council further limited the direct or indirect supply, sale or transfer to North Korea of all refined petroleum products beyond 500,000 barrels during an initial period of three months – beginning on October 1, 2017 and ending on December 31, 2017 – and exceeding two million barrels per year during a period of 12 months beginning on January 1, 2018 and annually thereafter.", "secondary_summary", "thompsonhine_2017_09_res2375",
    note="Gives the figures of the cap (500,000 barrels for Oct-Dec 2017; 2 million barrels a year from 2018).")
mea(2375, "crude_oil_cap", "Établit des restrictions concernant la fourniture, la vente ou le transfert, à la République populaire démocratique de Corée, au cours d’une période de 12 mois à compter de la date d’adoption de la résolution, d’une quantité de pétrole brut dépassant la quantité fournie par les États Membres dans la période de 12 mois précédant la date d’adoption de la résolution (11 septembre 2017).", "un_summary", "un_sc_res_2375_summary_fr",
    note="A freeze at the level of the previous twelve months, not a number of barrels.")
mea(2375, "overseas_workers", "Interdit aux États Membres de fournir des permis de travail aux nationaux de la République populaire démocratique de Corée, à l’exception des permis de travail pour lesquels des contrats écrits ont été établis avant l’adoption de la résolution (11 septembre 2017).", "un_summary", "un_sc_res_2375_summary_fr")
mea(2375, "joint_ventures", "Élargit les sanctions financières en interdisant toute coentreprise ou entité de coopération ainsi que l’expansion des coentreprises existantes avec des entités ou des personnes de la République populaire démocratique de Corée .", "un_summary", "un_sc_res_2375_summary_fr",
    note="The space before the final full stop is in the stored copy.")
mea(2375, "cargo_inspection", "The resolution allows for all UN member states to inspect, with the consent of the flag state, vessels on the high seas if member states have information that provides reasonable grounds to believe that the cargo of such vessels contains items of which the supply, sale, transfer or export is prohibited by past UN Security Council resolutions pertaining to North Korea.", "secondary_summary", "thompsonhine_2017_09_res2375")
mea(2375, "designations", "In addition to further freezing assets and implementing travel bans on several persons, the UN Security Council also agreed to prohibit UN member states from providing work authorizations for North Korean nationals", "secondary_summary", "thompsonhine_2017_09_res2375")

mea(2397, "refined_petroleum_cap", "Reduces the allowed maximum aggregate amount for 12 months beginning on 1 January 2018 to 500,000 barrels (and twelve-month periods thereafter)", "un_summary", "un_1718_committee_resolutions")
mea(2397, "refined_petroleum_cap", "1. Refined Petroleum Products (OP5): Reduces UNSCR 2375 annual cap on refined petroleum exports by 75% to allow a maximum of 500,000 barrels/year to North Korea.", "government_summary", "usun_2017_12_22_res2397_factsheet", paragraph="5")
mea(2397, "crude_oil_cap", "Introduces a limit of 4 million barrels or 525,000 tons in the aggregate amount per a twelve-month period as of 22 December 2017 allowed for the supply, sale or transfer of crude oil by Member States to the DPRK.", "un_summary", "un_1718_committee_resolutions")
mea(2397, "crude_oil_cap", "2. Crude Oil (OP4): Strengthens UNSCR 2375 freeze on crude oil by establishing a 4 million barrels/year or 525,000 tons/year annual limit.", "government_summary", "usun_2017_12_22_res2397_factsheet", paragraph="4")
mea(2397, "overseas_workers", "It also called for the repatriation of all its nationals earning income abroad, with some humanitarian exceptions, to the Democratic People’s Republic of Korea within 12 months.", "un_summary", "un_mc_2017_12_22_res2397",
    note="DISAGREEMENT: the UN meetings coverage says 12 months; ROK MOFA (next row), ASIL, Xinhua and Sejong say 24 months, and Sejong and the other sources give the deadline as 22 December 2019. Both rows kept; the resolution text (paragraph 8 per Sejong) was not read.")
mea(2397, "overseas_workers", "requires countries to repatriate to North Korea all North Korean laborers abroad within 24 months", "government_summary", "rok_mofa_2017_12_23_res2397;sejong_2019_12_12_res2397_workers", paragraph="8",
    note="DISAGREEMENT with the UN meetings coverage (12 months; previous row). Paragraph number from Sejong: 'Article 8 mandates every member states to initiate the repatriation of North Korean workers in their country within 24 months of the date of the adoption.'")
mea(2397, "other_export_bans", "Expands sectoral sanctions by introducing a ban on DPRK’s export of food and agricultural products, machinery, electrical equipment, earth and stone including magnesite and magnesia, wood and vessels. The resolution also prohibits the DPRK from selling or transferring fishing rights", "un_summary", "un_1718_committee_resolutions")
mea(2397, "other_export_bans", "Decides that the DPRK shall not supply, sell or transfer, directly or indirectly, from its territory or by its nationals or using its flag vessels or aircraft, ... vessels (HS code 89), and that all States shall prohibit the procurement of the above-mentioned commodities and products from the DPRK by their nationals, or using their flag vessels or aircraft, whether or not originating in the territory of the DPRK", "resolution_text", "unsanctionsapp_transportation", paragraph="6",
    note="Resolution text as quoted by a third-party compilation; the '...' elision (the other commodities) is the compiler's.")
mea(2397, "other_import_bans", "Introduces a ban on the supply, sale or transfer to the DPRK of all industrial machinery, transportation vehicles, iron, steel and other metals with the exception of spare parts to maintain DPRK commercial civilian passenger aircraft currently in use", "un_summary", "un_1718_committee_resolutions")
mea(2397, "other_import_bans", "decides that all Member States shall prevent the direct or indirect supply, sale or transfer to the DPRK, through their territories or by their nationals, or using their flag vessels or aircraft, and whether or not originating in their territories, of any new or used vessels", "resolution_text", "unsanctionsapp_transportation", paragraph="14",
    note="Resolution text as quoted by a third-party compilation (opening elided there).")
mea(2397, "cargo_inspection", "The Council authorized Member States to seize, inspect, freeze and impound any vessel in their territorial waters found to be illicitly providing oil to the Democratic People’s Republic of Korea through ship‑to‑ship transfers, or smuggling coal and other prohibited commodities from the country.", "un_summary", "un_mc_2017_12_22_res2397")
mea(2397, "designations", "In addition, the text targeted 16 new additional individuals, mainly banking officials, for the asset freeze and travel ban imposed in previous measures.", "un_summary", "un_mc_2017_12_22_res2397")

# --------------------------------------------------------------------------- votes
V = []


def vote(decision_id, date, dtype, resolution, document, member, v, veto, basis, counts, event_id, affected, source, quote, note=""):
    V.append({"vote_id": f"{decision_id}_{member.lower()}", "decision_id": decision_id, "decision_date": date,
              "decision_type": dtype, "resolution": resolution, "document": document, "member": member, "vote": v,
              "veto": veto, "basis": basis, "votes_for": counts[0], "votes_against": counts[1], "abstentions": counts[2],
              "measures_affected": affected, "event_id": event_id, "source": source, "quote": quote, "note": note})


UNAN_NOTE = "Unanimous adoption (all 15 members in favour); the source does not name this member's vote separately."
for r in R:
    for member in ("China", "Russia"):
        basis, quote, source, note = "unanimous", r["vote_quote"], r["source"], UNAN_NOTE
        if r["resolution"] == 2356 and member == "China":
            basis = "explicit"
            quote = "The countries that voted in favor of the resolution included China, which has a permanent seat on the 15-member Security Council."
            source, note = "loc_glm_2017_06_07_res2356", "Law Library of Congress, citing Reuters (3 Jun 2017)."
        if r["resolution"] == 2321 and member == "China":
            quote = "Liu Jieyi, the Chinese permanent representative to the United Nations, made the remarks as he was taking the floor at the UN Security Council after the 15-nation UN body unanimously adopted a resolution to tighten sanction against the DPRK in response to its nuclear test in September, the country's fifth nuclear test since 2006."
            source = "chinadaily_2016_11_30_liu_jieyi"
            note = UNAN_NOTE + " Liu: 'The Chinese government firmly opposes such an act' (ecns_2016_12_01_res2321). The US ambassador 'recognizes China for working closely with us in negotiating' the text (us_embassy_seoul_2016_11_30_power_eov)."
            source += ";ecns_2016_12_01_res2321;us_embassy_seoul_2016_11_30_power_eov"
        if r["resolution"] == 2270 and member == "Russia":
            note = UNAN_NOTE + " Sputnik: the vote was 'postponed until Wednesday at Russia's request'."
        vote(f"res_{r['resolution']}", r["adoption_date"], "resolution_adopted", r["resolution"], r["symbol"], member,
             "in_favour", "false", basis, (15, 0, 0), r["event_id"], "", source, quote, note)

q19 = "UNITED NATIONS - China and Russia on Monday (Dec 16) proposed the UN Security Council lift a ban on North Korea exporting statues, seafood and textiles, according to a draft resolution seen by Reuters, in a move Russia said is aimed at encouraging talks between Washington and Pyongyang."
for member in ("China", "Russia"):
    vote("draft_2019_12_16", "2019-12-16", "draft_not_put_to_vote", "", "", member, "proposed", "false", "explicit", ("", "", ""),
         "2019_12_16_china_russia_draft_sanctions_relief", "statues;seafood;textiles;overseas_workers",
         "reuters_asiaone_2019_12_17_draft;rfa_2019_12_17_draft;reuters_2021_11_draft_revived", q19,
         "Co-sponsor of the draft; no vote was held. Reuters: 'The draft also called for a ban to be lifted on North Koreans working abroad and the termination of a 2017 requirement for all North Korean workers to be repatriated by next week.' In 2021 (Reuters via a blog repost): 'In 2019 Russia and China held two informal rounds of talks on the draft resolution, but never formally tabled it for a vote.'")

q22 = "China and Russia, both veto power-wielding permanent members of the council and close allies of North Korea, voted against the resolution, effectively blocking its passage."
for member in ("China", "Russia"):
    vote("draft_2022_05_26", "2022-05-26", "draft_vetoed", "", "US draft resolution (symbol not read)", member, "against", "true", "explicit", (13, 2, 0),
         "2022_05_26_china_russia_veto_sanctions", "", "yonhap_2022_05_27_veto;dw_2022_05_27_veto;telesur_2022_05_27_veto", q22,
         "Tally: 'The 15-member Security Council vote was 13-2 in favor of the resolution' (DW); no abstention is reported. DW: 'Russia's UN ambassador called the resolution \"a path to a dead end,\" while China's envoy said it would cause increased \"negative effects and escalation of confrontation.\"'")

vote("res_2680", "2023-03-23", "resolution_adopted", 2680, "S/RES/2680 (2023)", "China", "in_favour", "false", "explicit", ("", "", ""),
     "", "panel_of_experts", "china_mission_2023_03_23_geng_shuang_eov;un_1718_committee_resolutions",
     "China just voted in favor of the draft resolution on extending the mandate of the panel of experts of the 1718 Committee.",
     "The last renewal of the Panel of Experts: 'S/RES/2680 (2023) | Extends the mandate of the Panel of Experts until 30 April 2024' (1718 Committee page). Date as posted on the Chinese mission's page ('2023-03-23 17:00'). The tally and Russia's vote were not read, so no Russia row and no counts.")

q24 = "The vote in the 15-member council was 13 in favor, Russia against and China abstaining."
vote("draft_2024_03_28", "2024-03-28", "draft_vetoed", "", "US draft resolution renewing the Panel of Experts (symbol not read)", "Russia", "against", "true", "explicit", (13, 1, 1),
     "2024_03_28_russia_vetoes_panel_of_experts", "panel_of_experts", "ap_2024_03_28_veto;lusa_sapo24_2024_03_28_veto", q24,
     "Lusa: the draft would have extended the panel's mandate 'até 30 de abril de 2025'. With no renewal the mandate ended on 30 April 2024 (event 2024_04_30_panel_of_experts_mandate_ends).")
vote("draft_2024_03_28", "2024-03-28", "draft_vetoed", "", "US draft resolution renewing the Panel of Experts (symbol not read)", "China", "abstention", "false", "explicit", (13, 1, 1),
     "2024_03_28_russia_vetoes_panel_of_experts", "panel_of_experts", "ap_2024_03_28_veto;china_mission_2024_03_28_geng_shuang_eov", q24,
     "China's explanation of vote (Geng Shuang): 'At the same time, we have always maintained that sanctions are not an end in itself, but a means.'")

# --------------------------------------------------------------------------- China's statements
C = []


def stmt(sid, date, prec, speaker, role, venue, topic, kind, lang, wording, quote, source, event_id="", note=""):
    C.append({"statement_id": sid, "date": date, "date_precision": prec, "speaker": speaker, "role": role, "venue": venue,
              "topic": topic, "kind": kind, "language": lang, "mentions_denuclearization": "", "china_wording": wording,
              "quote": quote, "event_id": event_id, "source": source, "note": note})


stmt("2005_09_01_white_paper_asiae", "2005-09-01", "day", "State Council Information Office", "government", "white paper 'China's Endeavors for Arms Control, Disarmament and Non-Proliferation'",
     "peninsula_position", "reported_text", "en",
     "China supports the establishment of nuclear-weapon-free zones by relevant countries in the Korean Peninsula, South Asia, Southeast Asia, the Middle East, and other regions,",
     "Unlike the 2005 white paper on disarmament, in which China declared, \"China supports the establishment of nuclear-weapon-free zones by relevant countries in the Korean Peninsula, South Asia, Southeast Asia, the Middle East, and other regions,\" the latest white paper has removed the reference to \"denuclearization of the Korean Peninsula.\"",
     "asiae_2025_12_06_white_paper;chinadaily_2005_09_01_white_paper",
     note="DISAGREEMENT on the 2005 wording: asiae (this row) vs eagleintel (next row). The 2005 text itself was not read; date of issue from China Daily: 'China on Thursday, September 1, 2005, issued a white paper'.")
stmt("2005_09_01_white_paper_eagleintel", "2005-09-01", "day", "State Council Information Office", "government", "white paper 'China's Endeavors for Arms Control, Disarmament and Non-Proliferation'",
     "peninsula_position", "reported_text", "en", "China supports denuclearization of the Korean peninsula,",
     "While the 2005 white paper explicitly stated, “China supports denuclearization of the Korean peninsula,”",
     "eagleintel_2025_white_paper;chinadaily_2005_09_01_white_paper",
     note="DISAGREEMENT with the previous row (asiae); lower-reliability commentary site. The 2005 text was not read.")
stmt("2009_defense_white_paper_2008", "2009-01-01", "year", "State Council Information Office", "government", "white paper 'China's National Defense in 2008', section Non-Proliferation",
     "peninsula_position", "official_text", "en",
     "China is dedicated to the denuclearization of the Korean Peninsula, and firmly promotes the Six-Party Talks process on that issue.",
     "China is dedicated to the denuclearization of the Korean Peninsula, and firmly promotes the Six-Party Talks process on that issue.",
     "prc_defense_white_paper_2008_globalsecurity",
     note="Year only: the paper covers 2008; its publication date was not read (the copy's URL path suggests January 2009).")
stmt("2009_12_10_li_song_warsaw", "2009-12-10", "day", "Li Song", "Deputy Director-General, Department of Arms Control and Disarmament, MFA", "Annual NATO Conference on Arms Control, Disarmament and Nonproliferation, Warsaw",
     "peninsula_position", "official_text", "en",
     "After experiencing severe challenges, denuclearization of the Peninsula is now faced with new opportunities.",
     "After experiencing severe challenges, denuclearization of the Peninsula is now faced with new opportunities.",
     "fmprc_2009_12_10_li_song")
stmt("2013_05_27_hong_lei", "2013-05-27", "day", "Hong Lei", "MFA spokesman", "regular press briefing (after Choe Ryong Hae's visit as Kim Jong Un's special envoy)",
     "peninsula_position", "reported_speech", "en",
     "relevant parties will stick to the objective of the denuclearization of the Korean Peninsula and work toward peace and stability in the region",
     "BEIJING, May 27 (Xinhua) -- China hopes that relevant parties will stick to the objective of the denuclearization of the Korean Peninsula and work toward peace and stability in the region, a Foreign Ministry spokesman said Monday.",
     "people_cn_2013_05_27_hong_lei")
stmt("2016_08_24_wang_yi_three_adherences", "2016-08-24", "day", "Wang Yi", "Foreign Minister", "press conference after the 8th China-Japan-ROK foreign ministers' meeting, Tokyo",
     "peninsula_position", "reported_speech", "zh-Hant",
     "中方將繼續堅持實現半島無核化目標,堅持通過對話協商解決面臨的問題,堅持維護半島及地區和平穩定的一貫堅定立場。",
     "中方將繼續堅持實現半島無核化目標,堅持通過對話協商解決面臨的問題,堅持維護半島及地區和平穩定的一貫堅定立場。",
     "cri_2016_08_24_wang_yi",
     note="The 'three adherences' (三個堅持), given together with 'three oppositions' (三個反對): '中方反對朝鮮的核導開發進程,反對任何導致半島局勢緊張的言行,反對所有違反聯合國安理會2270號決議的舉措。'")
stmt("2016_11_30_liu_jieyi_unsc", "2016-11-30", "day", "Liu Jieyi", "Permanent Representative to the UN", "Security Council, after the adoption of resolution 2321",
     "peninsula_position", "reported_speech", "en",
     "re-launch the six-party talks as soon as possible to safeguard the denuclearization process and realize peace and stability on the Korean Peninsula",
     "Liu noted that the top priority at hand is for the parties concerned to resume dialogue and negotiations and re-launch the six-party talks as soon as possible to safeguard the denuclearization process and realize peace and stability on the Korean Peninsula.",
     "ecns_2016_12_01_res2321", event_id="2016_unsc_res_2321")
stmt("2018_05_25_lu_kang", "2018-05-25", "day", "Lu Kang", "MFA spokesperson", "daily press briefing (after the cancellation of the planned DPRK-US summit)",
     "peninsula_position", "reported_speech", "en",
     "the meeting between DPRK and U.S. leaders plays a key role in advancing the denuclearization of the Peninsula",
     "\"The Chinese government's stance on the Korean Peninsula issue is clear and consistent,\" Lu said, adding that China believes that, the meeting between DPRK and U.S. leaders plays a key role in advancing the denuclearization of the Peninsula.",
     "globaltimes_2018_05_25_lu_kang")
stmt("2020_06_19_yang_jiechi", "2020-06-19", "day", "Yang Jiechi (cited by spokesperson Zhao Lijian)", "Director, Office of the Foreign Affairs Commission of the CPC Central Committee", "meeting with US Secretary of State Pompeo; MFA press conference",
     "peninsula_position", "reported_speech", "en",
     "the Chinese side always stands for denuclearization of the peninsula and solving problems through dialogue and consultation",
     "BEIJING, June 19 (Xinhua) -- Senior Chinese diplomat Yang Jiechi reiterated China's position on the Korean Peninsula issue that the Chinese side always stands for denuclearization of the peninsula and solving problems through dialogue and consultation, the Chinese Foreign Ministry said Friday.",
     "people_cn_2020_06_20_yang_jiechi")
stmt("2022_04_26_wang_wenbin", "2022-04-26", "day", "Wang Wenbin", "MFA spokesperson", "regular press conference (on Kim Jong Un's pledge to strengthen nuclear forces)",
     "peninsula_position", "reported_speech", "it",
     "desidera arrivare alla denuclearizzazione della penisola",
     "Wang Wenbin ha affermato che la Cina si impegna a mantenere la pace e la stabilità nella penisola coreana, e desidera arrivare alla denuclearizzazione della penisola e a risolvere le questioni rimaste aperte attraverso il dialogo e la consultazione.",
     "cri_it_2022_04_26_wang_wenbin")
stmt("2024_03_07_wang_yi_npc", "2024-03-07", "day", "Wang Yi", "Foreign Minister", "press conference at the annual session of the National People's Congress",
     "peninsula_position", "reported_speech", "en",
     "what China envisages as \"the dual track approach\" (the suspension of nuclear and missile activities by the DPRK and the suspension of large-scale military exercises by the United States and the Republic of Korea)",
     "According to Wang, there is a ready script for the Korean Peninsula issue. That is, what China envisages as \"the dual track approach\" (the suspension of nuclear and missile activities by the DPRK and the suspension of large-scale military exercises by the United States and the Republic of Korea) as well as the principle of phased and synchronized actions。",
     "ecns_mirror_2024_03_07_wang_yi;kbs_2024_03_wang_yi_two_sessions;joongang_2025_12_07_white_paper",
     note="The English text read (China Daily/ECNS, on a mirror) glosses the approach without the word 'denuclearization'. KBS reads the same remark as 'Beijing's proposal to simultaneously seek Pyongyang's denuclearization and the North-U.S. peace agreement in phases', and JoongAng calls March 2024 the last official mention: 'At the time, Foreign Minister Wang Yi reaffirmed “dual-track progress”'. The Chinese original was not read.")
stmt("2024_03_28_geng_shuang_eov", "2024-03-28", "day", "Geng Shuang", "Deputy Permanent Representative to the UN", "Security Council, explanation of vote on the Panel of Experts renewal (China abstained)",
     "peninsula_position", "official_text", "en",
     "Sanctions against the DPRK should serve the denuclearization of the Peninsula, the launch of dialogue and negotiations among the parties, and the final political settlement to the Peninsula issue.",
     "Sanctions against the DPRK should serve the denuclearization of the Peninsula, the launch of dialogue and negotiations among the parties, and the final political settlement to the Peninsula issue.",
     "china_mission_2024_03_28_geng_shuang_eov", event_id="2024_03_28_russia_vetoes_panel_of_experts",
     note="Three weeks after Wang Yi's press conference (previous row); JoongAng's 'March last year' would cover both.")
stmt("2025_11_27_arms_control_white_paper", "2025-11-27", "day", "State Council Information Office", "government", "white paper 'China's Arms Control, Disarmament and Nonproliferation in the New Era', section on nuclear nonproliferation",
     "peninsula_position", "reported_text", "en",
     "With regard to the Korean peninsula issue, China adopts an impartial stance and adheres to the right approach of always working for the peace, stability and prosperity of the peninsula and the resolution of the Korean peninsula issue through political means.",
     "In the section on nuclear nonproliferation, the document states: “With regard to the Korean peninsula issue, China adopts an impartial stance and adheres to the right approach of always working for the peace, stability and prosperity of the peninsula and the resolution of the Korean peninsula issue through political means.”",
     "joongang_2025_12_07_white_paper;asiae_2025_12_06_white_paper", event_id="2025_11_27_china_white_paper_omits_denuclearization",
     note="JoongAng: 'China has omitted the phrase “denuclearization of the Korean Peninsula” from a defense white paper for the first time in 19 years'. asiae renders the same passage differently ('China maintains a fair stance and the right direction regarding the Korean Peninsula issue ...'); the official English text is held under key chinadaily_2025_11_28_arms_control_white_paper (events.csv).")
stmt("2023_07_liu_xiaoming_ncg", "2023-07-01", "month", "Liu Xiaoming", "Special Representative of the Chinese Government on Korean Peninsula Affairs", "post on X (Twitter), reported 8 July 2023",
     "us_alliances", "reported_speech", "en",
     "China is concerned over ROK-US Nuclear Consultative Group's meeting to reinforce the enforcement of US's extended deterrence",
     "\"China is concerned over ROK-US Nuclear Consultative Group's meeting to reinforce the enforcement of US's extended deterrence,\" said Liu Xiaoming, Special Representative of the Chinese Government on Korean Peninsula Affairs, in a tweet.",
     "anews_2023_07_08_liu_xiaoming_ncg", event_id="2023_07_18_ncg_first_meeting",
     note="Month precision: the post's own date is not given; the report is dated 8 July 2023, before the first NCG meeting on 18 July.")
stmt("2023_08_18_wang_wenbin_camp_david", "2023-08-18", "day", "Wang Wenbin", "MFA spokesperson", "press briefing on the day of the Camp David summit",
     "us_alliances", "reported_speech", "en",
     "Attempts to cobble together various exclusionary groupings and bring bloc confrontation and military blocs into the Asia-Pacific are not going to get support and will only be met with vigilance and opposition from regional countries",
     "\"Attempts to cobble together various exclusionary groupings and bring bloc confrontation and military blocs into the Asia-Pacific are not going to get support and will only be met with vigilance and opposition from regional countries,\" he warned.",
     "cgtn_2023_08_18_china_camp_david", event_id="2023_08_18_camp_david_summit")
stmt("2023_08_21_wang_wenbin_camp_david", "2023-08-21", "day", "Wang Wenbin", "MFA spokesperson", "daily briefing after the Camp David summit",
     "us_alliances", "reported_speech", "en",
     "China strongly disapproves of and firmly opposes this and has made solemn representations to relevant parties",
     "\"China strongly disapproves of and firmly opposes this and has made solemn representations to relevant parties,\" Wang said.",
     "cgtn_2023_08_21_china_camp_david", event_id="2023_08_21_china_protests_camp_david",
     note="CGTN: the leaders were accused of 'driving a wedge between China and its neighboring countries'.")

DENUC = re.compile(r"denuclear|無核化|无核化", re.I)
for c in C:
    assert c["china_wording"] in c["quote"], c["statement_id"]
    c["mentions_denuclearization"] = "true" if DENUC.search(c["china_wording"]) else "false"

# --------------------------------------------------------------------------- theory quotes
T = [
    {"quote_id": "cha_1999_quasi_alliance_p3", "concept": "quasi_alliance", "author": "Victor D. Cha", "work": "cha_1999_alignment", "page": "3",
     "quoted_via": "review", "author_wording": "one in which two states remain unallied but share a third party as a common ally",
     "quote": "The Introduction is also where Cha develops the concept of a quasi alliance, which he defines as \"one in which two states remain unallied but share a third party as a common ally\" (p. 3).",
     "source": "hnet_saraoglu_2000_cha;cha_1999_alignment", "note": "Cha's definition as quoted, with page, by the H-Net reviewer; the book was not read."},
    {"quote_id": "cha_1999_realism_puzzle_p2", "concept": "quasi_alliance", "author": "Victor D. Cha", "work": "cha_1999_alignment", "page": "2",
     "quoted_via": "review", "author_wording": "according to which states with common allies and common enemies should be friendly",
     "quote": "He perceives such problem-ridden relations to be a bewildering enigma for Realism, \"according to which states with common allies and common enemies should be friendly\" (p. 2).",
     "source": "hnet_saraoglu_2000_cha;cha_1999_alignment", "note": "The puzzle the model answers (ROK-Japan friction despite a common ally and common enemies)."},
    {"quote_id": "cha_1999_quasi_alliance_blurb", "concept": "quasi_alliance", "author": "Stanford University Press (publisher's description)", "work": "cha_1999_alignment", "page": "",
     "quoted_via": "publisher_description", "author_wording": "what he calls a “quasi-alliance” two states that remain unallied but have a third party as a common ally",
     "quote": "He finds that while history and emotion certainly affect the ways in which Japanese and Koreans regard each other, cooperation and dissension in the relationship are better understood through what he calls a “quasi-alliance” two states that remain unallied but have a third party as a common ally.",
     "source": "stanford_up_blurb_cha_1999;cha_1999_alignment", "note": "Publisher's wording (on a mirror), slightly different from the p. 3 definition; not Cha's text."},
    {"quote_id": "cha_1999_hypothesis_blurb", "concept": "quasi_alliance", "author": "Stanford University Press (publisher's description)", "work": "cha_1999_alignment", "page": "",
     "quoted_via": "publisher_description", "author_wording": "in periods when the American defense commitment to the region is weak, Japan-ROK relations exhibit significantly less contention over bilateral issues",
     "quote": "The author shows, however, that in periods when the American defense commitment to the region is weak, Japan-ROK relations exhibit significantly less contention over bilateral issues.",
     "source": "stanford_up_blurb_cha_1999;cha_1999_alignment", "note": "The model's main finding as the publisher states it."},
    {"quote_id": "cha_1999_fears_totten", "concept": "abandonment_entrapment", "author": "George Oakley Totten III (reviewer)", "work": "cha_1999_alignment", "page": "",
     "quoted_via": "review", "author_wording": "",
     "quote": "The new concepts of \"entrapment\" and \"abandonment\" fears are used to explain the changes in the relationships among the triangle made up of the United States at the top and South Korea and Japan as the two legs",
     "source": "totten_2000_cha;cha_1999_alignment", "note": "A reviewer's summary of how the book uses the two fears; no wording of Cha's is quoted (author_wording empty)."},
]

# --------------------------------------------------------------------------- events (appended under the lock by append_shared.py)
E = []


def ev(i, date, prec, actors, cat, desc, variant, source, quote, note):
    E.append({"id": i, "date": date, "date_precision": prec, "actors": actors, "category": cat, "description": desc,
              "variant_of": variant, "source": source, "quote": quote, "note": note})


ev("2008_12_11_six_party_talks_stalemate", "2008-12-11", "day", "China;North Korea;United States;South Korea;Japan;Russia", "diplomacy",
   "A Six-Party Talks session in Beijing, opened on 8 December, closes without agreement on how to verify North Korea's nuclear declaration, and no date is set for another round.",
   "", "chinadaily_2008_12_12_six_party;yonhap_oana_2008_12_11_six_party",
   "The six parties involved in the Korean Peninsula nuclear talks concluded their latest round of negotiations Thursday without registering substantive progress.",
   "China Daily (updated 2008-12-12): the round 'started on Monday' (8 Dec); Thursday is 11 Dec. Yonhap, BEIJING, Dec. 11: 'Hill said the related nations will keep working on the issue but said no schedule was set for the next round.' No later session is in events.csv; on 14 Apr 2009 North Korea said it would never again take part (2009_dprk_quits_six_party_talks). No source read calls this the last session in so many words.")
ev("2012_12_12_dprk_long_range_launch", "2012-12-12", "day", "North Korea", "military",
   "North Korea launches a long-range missile; the Security Council answers with resolution 2087 in January 2013.",
   "", "rok_mofa_2013_01_23_res2087",
   "On January 23 (January 22, New York time), the UN Security Council unanimously adopted Resolution 2087 condemning North Korea’s launch of the  long-range missile on December 12, 2012",
   "ROK MOFA wording (the double space is in the source). USUN: 'In response to North Korea’s December 12 launch' (usun_2013_01_23_res2087). Trigger of resolution 2087 in sanctions/resolutions.csv.")
ev("2017_06_02_unsc_res_2356", "2017-06-02", "day", "United Nations;North Korea;China", "sanctions",
   "The Security Council unanimously adopts resolution 2356, extending the asset freeze and travel ban to 14 more individuals and 4 entities.",
   "", "loc_glm_2017_06_07_res2356;un_press_sc12853;un_1718_committee_resolutions_old",
   "On June 2, 2017, the United Nations Security Council unanimously adopted Resolution 2356 (2017), sponsored by the United States",
   "1718 Committee page: 'Designates additional 14 individuals and 4 entities.' The Law Library of Congress notes China voted in favour.")
ev("2017_07_03_dprk_icbm_test", "2017-07-03", "day", "North Korea", "military",
   "North Korea tests a ballistic missile that it calls an intercontinental ballistic missile, the first of two July tests cited by resolution 2371.",
   "", "ecns_2017_08_06_res2371;lawglobalhub_res2371_text",
   "Resolution 2371 (2017), adopted unanimously by the Security Council on Saturday, strengthens UN sanctions on the DPRK in response to its two intercontinental ballistic missile (ICBM) tests conducted on July 3 and July 28, respectively.",
   "Date as written in the UN context; resolution 2371's preamble: 'the July 3 and July 28 of 2017 ballistic missile tests ... which the DPRK has stated were tests of intercontinental ballistic missiles'. The Korean local date was not read.")
ev("2017_07_28_dprk_icbm_test", "2017-07-28", "day", "North Korea", "military",
   "North Korea conducts the second of the two July ballistic missile tests that resolution 2371 responds to.",
   "", "ecns_2017_08_06_res2371;lawglobalhub_res2371_text",
   "Resolution 2371 (2017), adopted unanimously by the Security Council on Saturday, strengthens UN sanctions on the DPRK in response to its two intercontinental ballistic missile (ICBM) tests conducted on July 3 and July 28, respectively.",
   "Date as written in the UN context; the Korean local date was not read.")
ev("2017_11_28_dprk_icbm_launch_un_date", "2017-11-28", "day", "North Korea;United Nations", "military",
   "Date of the November 2017 long-range missile launch as given in the UN meetings coverage of resolution 2397.",
   "2017_11_29_dprk_icbm_launch", "un_mc_2017_12_22_res2397",
   "Condemning, in the strongest terms, the launch of a ballistic missile by the Democratic People’s Republic of Korea on 28 November 2017, the Security Council today further tightened sanctions on the country",
   "LABELLED VARIANT of 2017_11_29_dprk_icbm_launch (Korean date from the ROK government). ASIL also gives 'November 28, 2017'. The sources do not explain the difference; 28 Nov matches New York time, as with the sixth nuclear test.")
ev("2017_11_29_dprk_icbm_launch", "2017-11-29", "day", "North Korea", "military",
   "North Korea fires a long-range ballistic missile; resolution 2397 of 22 December responds to this launch.",
   "", "rok_mofa_2017_11_29_launch_statement;rok_mofa_2017_12_23_res2397",
   "The Democratic People’s Republic of Korea (DPRK) yet again launched a long-range ballistic missile on November 29.",
   "Korean date (ROK government statement). ROK MOFA on 2397: 'In response to North Korea’s long-range ballistic missile launch on November 29'. UN documents give 28 November: labelled variant 2017_11_28_dprk_icbm_launch_un_date.")
ev("2023_04_26_washington_declaration", "2023-04-26", "day", "United States;South Korea", "nuclear",
   "Presidents Biden and Yoon adopt the Washington Declaration on extended deterrence, which creates a bilateral Nuclear Consultative Group.",
   "", "rok_president_2023_04_27_washington_declaration;koreaherald_2023_04_27_washington_declaration_text",
   "President Yoon Suk Yeol and U.S. President Joe Biden on April 26 officially adopted the Washington Declaration at their bilateral summit in Washington.",
   "The declaration, as quoted by the ROK presidential office: 'The ROK has full confidence in U.S. extended deterrence commitments and recognizes the importance, necessity, and benefit of its enduring reliance on the U.S. nuclear deterrent.' Full text: Korea Herald.")
ev("2023_07_18_ncg_first_meeting", "2023-07-18", "day", "United States;South Korea", "nuclear",
   "The US-ROK Nuclear Consultative Group set up by the Washington Declaration meets for the first time, in Seoul.",
   "", "whitehouse_2023_07_18_ncg_readout",
   "In line with the April 2023 Washington Declaration and the historic decision by President Joseph R. Biden, Jr. and President Yoon Suk Yeol to establish the bilateral Nuclear Consultative Group (NCG), the national security authorities of the United States (U.S.) and the Republic of Korea (ROK) launched the inaugural meeting of the NCG on July 18, 2023, in Seoul.",
   "Convened by Kim Tae-hyo, Kurt Campbell and Cara Abercrombie (same readout). China's special representative Liu Xiaoming voiced concern beforehand: positions/china_statements.csv row 2023_07_liu_xiaoming_ncg.")
ev("2023_08_18_camp_david_summit", "2023-08-18", "day", "United States;South Korea;Japan", "diplomacy",
   "Biden, Yoon and Kishida hold the first stand-alone US-Japan-ROK summit, at Camp David, and adopt a Commitment to Consult, the Camp David Principles and the Spirit of Camp David statement.",
   "", "mcst_2023_08_28_camp_david;us_embassy_seoul_2023_08_19_commitment_to_consult;us_embassy_seoul_2023_trilateral_summit_page",
   "Cooperation among the Republic of Korea, the United States and Japan reached a new level during a trilateral summit between President Yoon Suk Yeol, U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida at Camp David, the U.S. presidential retreat nestled in Maryland’s Catoctin Mountain Park, on August 18.",
   "Commitment to Consult: 'We, the leaders of Japan, the Republic of Korea, and the United States, commit our governments to consult trilaterally with each other, in an expeditious manner, to coordinate our responses to regional challenges, provocations, and threats affecting our collective interests and security.' It 'does not supersede or otherwise infringe on' the two US treaties. MCST: 'It was the 13th trilateral summit for the leaders of the three countries, but this one carried extra significance as the first-ever standalone event.'")
ev("2023_08_21_china_protests_camp_david", "2023-08-21", "day", "China;United States;Japan;South Korea", "diplomacy",
   "China's foreign ministry says it has made solemn representations over Camp David, accusing the three leaders of attacking China over Taiwan and the South China Sea.",
   "", "cgtn_2023_08_21_china_camp_david;cgtn_2023_08_18_china_camp_david",
   "The leaders from the three countries smeared and attacked China on the Taiwan question and South China Sea issue at the Camp David meeting, grossly interfering in China's internal affairs, driving a wedge between China and its neighboring countries, and seriously violating the basic norms of international relations, said Wang Wenbin at a daily briefing.",
   "On 18 Aug, the day of the summit, Wang Wenbin had warned against 'exclusionary groupings' (positions/china_statements.csv).")


# --------------------------------------------------------------------------- checks and output
def quotes_ok():
    for r in R:
        check(r["vote_quote"], f"res {r['resolution']}")
    for m in M:
        check(m["quote"], m["row_id"])
    for v in V:
        check(v["quote"], v["vote_id"])
    for c in C:
        check(c["quote"], c["statement_id"])
    for t in T:
        check(t["quote"], t["quote_id"])
        assert t["author_wording"] in t["quote"]
    for e in E:
        check(e["quote"], e["id"])


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()), lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    quotes_ok()
    for r in R:  # measures listed in resolutions.csv are exactly those with rows in measures.csv
        have = {m["measure"] for m in M if m["resolution"] == r["resolution"]}
        assert have == set(r["measures"].split(";")), (r["resolution"], have ^ set(r["measures"].split(";")))
    write(DATA / "sanctions" / "resolutions.csv", R)
    write(DATA / "sanctions" / "measures.csv", M)
    write(DATA / "sanctions" / "votes.csv", V)
    write(DATA / "positions" / "china_statements.csv", sorted(C, key=lambda c: (c["date"], c["statement_id"])))
    write(DATA / "theory_quotes.csv", T)
    print(len(R), len(M), len(V), len(C), len(T), len(E), len(S))
