import { test } from "node:test";
import assert from "node:assert/strict";
import { extract } from "../src/extract/pipeline.ts";

// Who speaks: one sentence per case, each with one transfer (Israel's sale of drones to Morocco, which is on record) told by fictional speakers and one way of naming the speaker.
const chainOf = (sentence: string, lang = "en") => {
  const claims = extract({ id: "t", text: `Drones\n\n${sentence}`, lang, published: "2022-06-15" }).transfers;
  assert.equal(claims.length, 1, `one claim in: ${sentence}`);
  return claims[0]!.sources;
};

/** The sources of the first claim of a whole article (headline first). */
const firstSources = (text: string, lang: string, published: string) => extract({ id: "t", text, lang, published }).transfers[0]?.sources;

test("a surname nobody introduced, before or after the verb, names the speaker", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Roe said in an interview."), ["Roe"]);
  assert.deepEqual(chainOf("Mr. Clarke said Israel had sold drones to Morocco."), ["Mr. Clarke"]);
  assert.deepEqual(chainOf("When he left office, Dr Clarke said Israel had sold drones to Morocco."), ["Dr Clarke"]);
});

test("a surname alone after the full name is that person, also for a family name written first", () => {
  const text = "Drones\n\nThe briefing was given by lawmaker Yoo Sang-bum. Israel has sent drones to Morocco, Yoo said.";
  assert.deepEqual(extract({ id: "t", text, lang: "en", published: "2022-06-15" }).transfers[0]!.sources, ["Yoo Sang-bum"]);
});

test("an apposition between the speaker and the verb is stepped over", () => {
  assert.deepEqual(chainOf("Jane Roe, a Democrat from Ohio, argued that Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Jean Dupont, chercheur, a également souligné que Israël avait vendu des drones au Maroc.", "fr"), ["Jean Dupont"]);
});

test("a passive report names its agent; a passive hedge names no one", () => {
  assert.deepEqual(chainOf("The sale of drones by Israel to Morocco was first reported by The Example Times."), ["Example Times"]);
  assert.deepEqual(chainOf("Morocco was reported to have bought drones from Israel."), []);
});

test("an aside between the speaker and the verb is stepped over ('among others', 'entre autres')", () => {
  assert.deepEqual(chainOf("The Example Times, among others, reported that Israel had sold drones to Morocco."), ["Example Times"]);
  assert.deepEqual(chainOf("Mediapart, entre autres, a révélé qu'Israël avait vendu des drones au Maroc.", "fr"), ["Mediapart"]);
});

test("a deal noun opening what was said is not the verb's object: 'has said the deal provides for…'", () => {
  assert.deepEqual(chainOf("Jane Roe has said the deal provides for drones to be sold by Israel to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Jane Roe said the contract was signed for drones sold by Israel to Morocco."), ["Jane Roe"]);
});

test("'said that' opens what was said, not who said it", () => {
  assert.deepEqual(chainOf("Jane Roe, an analyst, said that Israel had sold drones to Morocco."), ["Jane Roe"]);
});

test("a people named by its demonym speaks as written", () => {
  assert.deepEqual(chainOf("The Saudis have said for years that Israel sold drones to Morocco."), ["Saudis"]);
});

test("a capitalised abbreviation is an acronym only in capitals", () => {
  // "Dr" is not the Danish broadcaster DR.
  assert.deepEqual(chainOf("Dr Clarke said Israel had sold drones to Morocco."), ["Dr Clarke"]);
});

test("what a speaker cites comes before it in the chain, whichever side of the verb it is on", () => {
  assert.deepEqual(chainOf("Citing four officials, Reuters reported that Israel had sold drones to Morocco."), ["four officials", "Reuters"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Reuters reported, quoting four officials."), ["four officials", "Reuters"]);
});

test("an outlet citing another, set off by commas before the verb, is the nearer link", () => {
  assert.deepEqual(chainOf("Middle East Monitor, quoting Haaretz, said Israel had sold three Heron drones to Morocco."), ["Haaretz", "Middle East Monitor"]);
});

test("'first revealed by X' and 'révélée par X' name X when nothing else speaks", () => {
  assert.deepEqual(chainOf("The deal, first revealed by Intelligence Online, saw Israel sell three Heron drones to Morocco."), ["Intelligence Online"]);
  assert.deepEqual(chainOf("L'information, révélée par Intelligence Online, fait état de la livraison de trois drones Heron au Maroc par Israël.", "fr"), ["Intelligence Online"]);
});

test("'comment on reports that…' leaves the reports, not the silent party, as the source", () => {
  assert.deepEqual(chainOf("The Israeli defence ministry declined to comment on reports that it sold drones to Morocco."), ["reports"]);
});

test("the outlet an interview was given to follows the speaker, also after a French contraction", () => {
  assert.deepEqual(chainOf("Dans un entretien accordé au Monde, le chercheur Jean Dupont estime qu'Israël a vendu des drones au Maroc.", "fr").length, 2);
});

test("'the same day that X said' names X; a relative clause on something else names no one", () => {
  assert.deepEqual(chainOf("The news came on the same day that Roe said Poland had received its first Abrams tanks from the United States."), ["Roe"]);
  assert.deepEqual(chainOf("Taiwan plans to buy 18 HIMARS launchers after dropping howitzers that Washington said it could not deliver, according to a budget proposal."), ["a budget proposal"]);
});

test("a report described by a relative clause is its author's", () => {
  assert.deepEqual(chainOf("The report that Amnesty published said Israel sold drones to Morocco."), ["Amnesty International"]);
});

test("a fronted 'interrogée par X' belongs to the speaker after it, not to the clause before", () => {
  assert.deepEqual(chainOf("Le gouvernement a contesté cette version : interrogée par l'AFP, une source gouvernementale a assuré qu'Israël avait vendu des drones au Maroc.", "fr"), ["une source gouvernementale", "AFP"]);
});

test("a long subject opening on a title word is a subject, not an apposition to skip", () => {
  assert.deepEqual(chainOf("In Belarus, where police arrested thousands of people, official reports by the investigative committee confirmed that the government had bought UFED from Cellebrite of Israel."), ["official reports by the investigative committee"]);
});

test("a date inside a source phrase is stepped over ('a report on Tuesday in the daily Haaretz')", () => {
  assert.deepEqual(chainOf("Morocco has paid IAI $22m for kamikaze drones from Israel, according to a report on Tuesday in the Israeli daily Haaretz."), ["Haaretz"]);
});

test("after an inverted verb, a clause of its own is what was said; a possessor is not the speaker", () => {
  assert.deepEqual(chainOf("WASHINGTON -- President Jane Roe, speaking on Saturday, said Israel sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Senator Jane Roe's spokesman John Doe said Israel sold drones to Morocco."), ["John Doe"]);
});

test("a government body is named as the text's language names it", () => {
  assert.deepEqual(chainOf("Selon la Maison Blanche, la Corée du Nord a livré des obus à la Russie.", "fr"), ["Maison Blanche"]);
  assert.deepEqual(chainOf("According to the White House, North Korea delivered shells to Russia."), ["White House"]);
});

test("after an inverted verb, a phrase naming what was sold is content, not the speaker", () => {
  assert.deepEqual(chainOf("A State Department official, speaking on condition of anonymity, said the administration remained committed to the F-35 sale to the UAE."), ["A State Department official"]);
});

test("'reports' closing its clause is a reporting verb; before a verb or a complement it is a noun", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, the French website Intelligence Online reports."), ["Intelligence Online"]);
  assert.deepEqual(chainOf("Media reports said Israel sold drones to Morocco."), ["Media reports"]);
});

test("whoever gives a testimony or confidences is the source, not the testimony", () => {
  assert.deepEqual(chainOf("According to testimony from two engineers, Israel sold drones to Morocco."), ["two engineers"]);
  assert.deepEqual(chainOf("The case rests on the testimony of a former officer, who said Israel sold drones to Morocco."), ["a former officer"]);
  assert.deepEqual(chainOf("Selon le témoignage d'un militaire recueilli par Le Figaro, Israël a vendu des drones au Maroc.", "fr"), ["un militaire", "Le Figaro"]);
});

test("a company that speaks is the source and may be the seller", () => {
  const [c] = extract({ id: "t", text: "Air defence\n\nRheinmetall said it had supplied Skynex air-defence systems to Ukraine.", lang: "en", published: "2024-01-15" }).transfers;
  assert.equal(c?.supplier, "DEU");
  assert.deepEqual(c?.sources, ["Rheinmetall"]);
});

test("a reporting verb whose object is a contract concluded it and said nothing", () => {
  const [c] = extract({ id: "t", text: "Missiles\n\nMBDA a conclu deux contrats avec Chypre pour des missiles Mistral, selon La Tribune.", lang: "fr", published: "2020-01-15" }).transfers;
  assert.deepEqual(c?.sources, ["La Tribune"]);
});

test("an aside between auxiliary and participle leaves the subject the speaker; a retort is a statement", () => {
  assert.deepEqual(chainOf("Le chef du groupe, Jean Exemple, a de son côté affirmé qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Exemple"]);
  assert.deepEqual(chainOf("Un responsable marocain, Jean Exemple, a répliqué qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Exemple"]);
});

test("a statement carried by an agency names the speaker, then the agency", () => {
  assert.deepEqual(chainOf("Dans un communiqué diffusé par l'agence MAP, le ministère marocain de la Défense a affirmé qu'Israël avait vendu des drones au Maroc.", "fr"), ["ministère marocain de la Défense", "MAP"]);
});

test("a named reporter closing the sentence relays the speaker before it", () => {
  assert.deepEqual(chainOf("\"Israel sold drones to Morocco,\" the Moroccan embassy in Paris said on Twitter, the BBC reported."), ["the Moroccan embassy in Paris", "BBC"]);
});

test("sources 'interrogées par' an outlet, in every gender and number, are its speakers", () => {
  assert.deepEqual(chainOf("Des sources marocaines interrogées par Defense News affirment qu'Israël a vendu des drones au Maroc.", "fr"), ["Des sources marocaines", "Defense News"]);
});

test("polls, statistics and estimates are sources; estimating or believing is saying", () => {
  assert.deepEqual(chainOf("According to federal statistics, Israel sold drones to Morocco."), ["federal statistics"]);
  assert.deepEqual(chainOf("Jean Exemple, a fictional analyst, estimates that Israel sold drones to Morocco."), ["Jean Exemple"]);
});

test("a headline's capitalised reporting verb ends the speaker's name; a conjunction opening the clause is no part of the subject", () => {
  assert.deepEqual(chainOf("Israel Sold Drones To Morocco, Jean Exemple Says"), ["Jean Exemple"]);
  assert.deepEqual(chainOf("While his advisers have suggested that Israel sold drones to Morocco, the minister stayed silent."), ["his advisers"]);
});

test("reports named by their origin speak as written ('Israeli reports said')", () => {
  assert.deepEqual(chainOf("Israeli reports said Israel sold drones to Morocco."), ["Israeli reports"]);
});

test("a reporting verb describing unnamed speakers is part of their description", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, people briefed on the talks said."), ["people briefed on the talks"]);
  // The verb a speaker says it with is no description: "the ministry said on Thursday".
  assert.deepEqual(chainOf("The Moroccan defence ministry said on Thursday that Israel had sold drones to Morocco."), ["Moroccan defence ministry"]);
});

test("'X said, Y reported citing Z': Z relays X, and Y relays Z", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, people briefed on the talks said, Al Jazeera reported citing Reuters."), ["people briefed on the talks", "Reuters", "Al Jazeera"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Der Spiegel reported, citing its own sources."), ["its own sources", "Der Spiegel"]);
});

test("a body's acronym written as a word after an elided article is that body, named as the catalog names it", () => {
  assert.deepEqual(chainOf("Selon un rapport interne de l'Onu, Israël a vendu des drones au Maroc.", "fr"), ["United Nations"]);
});

test("a research institute cited by its acronym is named by its full name", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, according to SIPRI."), ["Stockholm International Peace Research Institute"]);
});

test("whoever led a piece of work speaks for it, not its partners", () => {
  assert.deepEqual(chainOf("According to an investigation led by Forbidden Stories with Amnesty International, Israel sold drones to Morocco."), ["Forbidden Stories"]);
  assert.deepEqual(chainOf("D'après l'enquête menée par le consortium Forbidden Stories avec Amnesty International, Israël a vendu des drones au Maroc.", "fr"), ["Forbidden Stories"]);
});

test("'tells' names the speaker and the outlet told", () => {
  assert.deepEqual(chainOf("Jane Roe tells Dev Radio that Israel sold drones to Morocco."), ["Jane Roe", "Dev Radio"]);
});

test("a state one deals with or tells is no medium that carries the words", () => {
  assert.deepEqual(chainOf("Le Maroc a acheté des drones auprès d'Israël, selon Jean Dupont.", "fr"), ["Jean Dupont"]);
});

test("a dateline's agency before a dash is not the speaker after it", () => {
  const [c] = extract({ id: "t", text: "Tanks\n\nSEOUL, July 4 (Example Wire) -- Hyundai Rotem said it would deliver 180 tanks to Poland.", lang: "en", published: "2025-07-04" }).transfers;
  assert.deepEqual(c?.sources, ["Hyundai Rotem"]);
});

test("'rapporte X, citant Y': Y is the origin and X relays it", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, rapporte le Courrier de Norvarie, citant le Journal de Quelland.", "fr"), ["Journal de Quelland", "Courrier de Norvarie"]);
});

test("a day between an inverted reporting verb and its subject is stepped over; newspapers in the plural speak as written", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, rapportent mercredi des journaux marocains.", "fr"), ["des journaux marocains"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Moroccan newspapers reported on Wednesday."), ["Moroccan newspapers"]);
});

test("a maker closing a descriptive phrase is the speaker: 'the spyware manufacturer Paragon said'", () => {
  const [c] = extract({ id: "t", text: "Spyware\n\nThe spyware manufacturer Paragon said that it had ended its contract with Italy.", lang: "en", published: "2025-06-10" }).transfers;
  assert.deepEqual(c?.sources, ["Paragon Solutions"]);
});

test("an apposition describing the speaker is no party of what was said; an adviser's title is no part of the name", () => {
  const [c] = extract({ id: "t", text: "Drones\n\nJane Roe, the national security adviser for the United States, told reporters that Iran was preparing to provide Russia with drones.", lang: "en", published: "2022-07-15" }).transfers;
  assert.deepEqual([c?.supplier, c?.recipient, c?.sources], ["IRN", "RUS", ["Jane Roe"]]);
  assert.deepEqual(chainOf("National Security Advisor Jane Roe said Israel had sold drones to Morocco."), ["Jane Roe"]);
});

test("'per the X' names the source", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, per the Pentagon."), ["Pentagon"]);
});

test("a quoted title after 'intitulée' or 'dubbed' names the source", () => {
  assert.deepEqual(chainOf("Selon les informations révélées dans l'enquête intitulée « Dossiers Exemple », Israël a vendu des drones au Maroc.", "fr"), ["Dossiers Exemple"]);
  assert.deepEqual(chainOf("According to an investigation dubbed \"Example Files\", Israel sold drones to Morocco."), ["Example Files"]);
});

test("a state right before its own body names the body: 'The US State Department said'", () => {
  assert.deepEqual(chainOf("The US State Department said Israel had sold drones to Morocco."), ["State Department"]);
});

test("a date closing the source phrase says when, not who", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a confirmé un haut responsable à Rabat le 25 juin.", "fr"), ["un haut responsable à Rabat"]);
});

test("'…, which revealed that' speaks for the name closing the segment before; a passive report names where it appeared", () => {
  assert.deepEqual(chainOf("The news came from the newspaper Exemplar on Monday, which revealed that Israel had sold drones to Morocco."), ["Exemplar"]);
  assert.deepEqual(chainOf("It was reported in the Moroccan press yesterday that Israel had sold drones to Morocco."), ["the Moroccan press"]);
});

test("a speaker opening a contrasting clause speaks for that clause only: '…, while Jane Roe said Norway would send eight'", () => {
  const claims = extract({ id: "t", text: "Tanks\n\nSpain has offered to send Leopard 2 tanks to Ukraine, while Jane Roe said Norway would send eight Leopard 2 tanks to Ukraine.", lang: "en", published: "2023-02-22" }).transfers;
  assert.deepEqual(claims.map((c) => [c.supplier, c.sources]).sort(), [["ESP", []], ["NOR", ["Jane Roe"]]]);
  // A speaker closing the sentence speaks for all of it.
  assert.deepEqual(chainOf("Israel sold drones to Morocco, but not before 2013, Jane Roe said."), ["Jane Roe"]);
});

test("an accusing participle right before its charge is passive: the accused is no speaker", () => {
  assert.deepEqual(chainOf("Morocco accused of buying drones from Israel, according to Jane Roe."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Le Maroc accusé d'avoir acheté des drones à Israël, selon Jean Dupont.", "fr"), ["Jean Dupont"]);
});

test("a sentence whose subject is another person than the current source, and that reports nothing, is the article's", () => {
  const text = "Drones\n\nAccording to Jane Roe, Israel sold Heron drones to Morocco. John Doe, the head of Israel Aerospace Industries, later visited India, which has ordered Heron drones from Israel.";
  const claims = extract({ id: "t", text, lang: "en", published: "2022-06-15" }).transfers;
  assert.deepEqual(claims.map((c) => `${c.recipient} ${c.sources.join(">")}`).sort(), ["IND ", "MAR Jane Roe"]);
});

test("a name's own word that is also an adverb stays in the speaker's name ('the digital rights group Access Now said')", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, the digital rights group Access Now said."), ["Access Now"]);
});

test("what a relative cites ('…, which itself cited X', 'lequel cite X') comes right before the relative's antecedent", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Le Monde reported, citing Haaretz, which itself cited a military expert."), ["a military expert", "Haaretz", "Le Monde"]);
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, selon Le Monde, citant Haaretz, lequel cite un expert militaire.", "fr"), ["un expert militaire", "Haaretz", "Le Monde"]);
  assert.deepEqual(chainOf("The sale of drones by Israel to Morocco was first reported by Haaretz, which cited a military expert."), ["a military expert", "Haaretz"]);
});

test("a catalog name inside a longer proper name the catalog does not know is part of that name ('le Forum FAR Maroc'); a deal 'conclu' says nothing", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, selon le Forum FAR Maroc.", "fr"), ["Forum FAR Maroc"]);
  assert.deepEqual(chainOf("Cet arrivage s'inscrit dans le cadre d'un accord conclu en 2019 portant sur l'acquisition de drones israéliens par le Maroc.", "fr"), []);
});

test("a French reporting participle with no auxiliary before it qualifies a noun: 'le plus avancé' is no speech", () => {
  assert.deepEqual(chainOf("« Avec ces drones, le Maroc recevra l'appareil le plus avancé au monde », a déclaré Jean Dupont, vendeur chez IAI, à propos des drones vendus par Israël au Maroc.", "fr"), ["Jean Dupont"]);
  assert.deepEqual(chainOf("Jean Dupont a ensuite confirmé qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Dupont"]);
});

test("'confirmée par', 'confirmed by' name who confirms; a definite noun with a demonym is a description, not an anaphor; 'il y a…' ends the phrase", () => {
  assert.deepEqual(chainOf("La vente de drones israéliens au Maroc a été confirmée par la télévision d'État marocaine il y a quelques jours.", "fr"), ["la télévision d'État marocaine"]);
  assert.deepEqual(chainOf("The sale of drones by Israel to Morocco was confirmed by Moroccan state television."), ["Moroccan state television"]);
});

test("what was 'first reported by' Y came from Y before the one who says so; a passive 'first reported by' has no speaker of its own", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, Le Monde said, adding that the sale had first been reported by Haaretz."), ["Haaretz", "Le Monde"]);
  assert.deepEqual(chainOf("Le Monde said the sale of drones by Israel to Morocco was first reported by Haaretz."), ["Haaretz", "Le Monde"]);
  assert.deepEqual(chainOf("The sale of drones by Israel to Morocco was first reported by Haaretz."), ["Haaretz"]);
});

test("a person named after a carrying reporting verb is in what was said, not its speaker", () => {
  assert.deepEqual(firstSources("Missiles\n\nThe defence ministry said on Friday that India had delivered BrahMos missiles to the Philippines, in a ceremony attended by Jane Roe.", "en", "2024-04-20"), ["The defence ministry"]);
});

test("a reporting verb with its subject pronoun inverted ('a-t-il précisé', 'précise-t-elle') carries the source on", () => {
  assert.deepEqual(firstSources("Canons\n\nJean Dupont a déclaré que la coopération se renforce.\n\n« L'Arménie a commandé des canons CAESAR à la France », a-t-il précisé.", "fr", "2024-06-18"), ["Jean Dupont"]);
});

test("parties and talks in the phrase telling how a statement was made ('after talks with his Armenian counterpart') are not what was said", () => {
  const fr = extract({ id: "t", text: "L'Arménie achète des canons CAESAR\n\nL'achat des canons CAESAR est un « jalon important », a-t-il indiqué à l'issue d'un entretien avec son homologue arménien.", lang: "fr", published: "2024-06-18" }).transfers;
  assert.deepEqual(fr.map((c) => `${c.supplier}>${c.recipient} ${c.status}`), ["FRA>ARM ordered"]);
  const en = extract({ id: "t", text: "Armenia buys CAESAR howitzers\n\nThe $300 million purchase of the CAESAR howitzers is a milestone, he said after talks with his Armenian counterpart.", lang: "en", published: "2024-06-18" }).transfers;
  assert.deepEqual(en.map((c) => `${c.supplier}>${c.recipient} ${c.status} ${c.value?.amount}`), ["FRA>ARM delivered 300000000"]);
});

test("plural imperfect reporting verbs ('rapportaient', 'indiquaient') name their subject as the source", () => {
  assert.deepEqual(firstSources("Canons\n\nLe 18 juin, les journalistes de Le Figaro rapportaient que l'Arménie avait commandé 36 canons CAESAR à la France.", "fr", "2024-06-26"), ["Le Figaro"]);
});

test("an organisation's apposition set off on both sides ('Citizen Lab, a group of researchers …, has found') describes it; the organisation speaks", () => {
  assert.deepEqual(firstSources("Spyware\n\nCitizen Lab, a group of researchers at the University of Toronto, has found that Singapore is a likely client of Paragon's Graphite spyware.", "en", "2025-03-20"), ["Citizen Lab"]);
});

test("a lowercase apposition set off on both sides ('Jane Roe, senior analyst at …, said', « Jean Dupont, chercheur à … , a dit ») describes the person named", () => {
  assert.deepEqual(firstSources("Drones\n\nJane Roe, senior analyst at the Exemplar Institute, said that Iran had sold drones to Russia.", "en", "2022-10-20"), ["Jane Roe"]);
  assert.deepEqual(firstSources("Drones\n\nJean Dupont, chercheur à l'Institut Exemple, a affirmé que l'Iran avait vendu des drones à la Russie.", "fr", "2022-10-20"), ["Jean Dupont"]);
});

test("'and' between a state and the qualifiers of one group of speakers ('unnamed U.S. and allied security officials', « américains et israéliens ») keeps the group whole", () => {
  assert.deepEqual(firstSources("Missiles\n\nThe Example Herald reported, citing unnamed U.S. and allied security officials, that Iran sold Fateh-110 missiles to Russia.", "en", "2022-10-18"), ["unnamed U.S. and allied security officials", "Example Herald"]);
  assert.deepEqual(firstSources("Drones\n\nSelon des responsables américains et israéliens, l'Iran a vendu des drones à la Russie.", "fr", "2022-10-18"), ["des responsables américains et israéliens"]);
});

test("a reporting verb coordinated after another verb ('Jane Roe called the reports unfounded and reaffirmed that') shares its subject", () => {
  assert.deepEqual(firstSources("Drones\n\nForeign Ministry spokeswoman Jane Roe on Thursday called the claims regarding the transfer of drones to Russia unfounded and reaffirmed that Iran had not transferred drones to Russia.", "en", "2022-12-22"), ["Jane Roe"]);
});

test("a denial is its speaker's, with the outlet that relays them, not a party's inside what is denied", () => {
  const claims = extract({ id: "t", text: "Drones\n\nJane Roe, the foreign ministry spokeswoman, told Xinhua that reports of drones sold by Iran to Russia were baseless.", lang: "en", published: "2022-10-05" }).transfers;
  assert.deepEqual(claims.map((c) => `${c.stance} ${c.sources.join(">")}`), ["denied Jane Roe>Xinhua"]);
});

test("'its manufacturer said', « le constructeur a indiqué »: the maker last named, or the maker of the system last named", () => {
  assert.deepEqual(firstSources("Guns\n\nAustralia has signed a contract to acquire 30 K9 Thunder howitzers from South Korea, its manufacturer said Monday.", "en", "2021-12-13"), ["Hanwha Aerospace"]);
  assert.deepEqual(firstSources("Avions\n\nLa Grèce a commandé six Rafale à la France, a indiqué le constructeur.", "fr", "2022-03-24"), ["Dassault Aviation"]);
});

test("the subject of a passive reporting verb ('Mexico was found to be the largest client') is what is reported on, not the source", () => {
  assert.deepEqual(firstSources("Spyware\n\nMexico was found to be the largest client of NSO Group's Pegasus spyware.", "en", "2021-07-19"), []);
});

test("'X cited Y as saying': Y is the origin, X relays; 'cited security concerns' cites no one", () => {
  assert.deepEqual(firstSources("Jets\n\nIndonesia's state-run Antara news agency cited the country's defence minister as saying Indonesia had ordered six Rafale jets.", "en", "2022-02-10"), ["the country's defence minister", "Antara"]);
  assert.deepEqual(firstSources("Tanks\n\nThe ministry cited security concerns when it blocked the sale of Leopard tanks to Saudi Arabia.", "en", "2022-02-10"), []);
});

test("how a speaker spoke is no part of its name ('the State Secretariat in a statement', « le ministère dans un communiqué »)", () => {
  assert.deepEqual(firstSources("Jets\n\nIndonesia's State Secretariat in a statement confirmed that Indonesia had ordered Rafale jets from France.", "en", "2022-02-10"), ["Indonesia's State Secretariat"]);
});

test("a government body's people ('A German government source told Politico') are unnamed speakers, worded as the text words them", () => {
  assert.deepEqual(firstSources("Jets\n\nA German government source told Politico that Germany will not export Eurofighter jets to Saudi Arabia.", "en", "2023-07-12"), ["A German government source", "Politico"]);
});

test("an adverb closing a speaker's phrase (« La presse iranienne avait précédemment fait état ») is no part of the speaker", () => {
  assert.deepEqual(firstSources("Avions\n\nLa presse iranienne avait précédemment fait état de la livraison de chasseurs Su-35 russes à l'Iran.", "fr", "2023-01-15"), ["La presse iranienne"]);
});

test("a speaker inside what another says ('The Example Times said that Haaretz had reported', « note que, depuis janvier, la presse … faisait état ») is the earlier source", () => {
  assert.deepEqual(firstSources("Drones\n\nThe Example Times said that Haaretz had reported the sale of drones by Israel to Morocco.", "en", "2021-09-13"), ["Haaretz", "Example Times"]);
  assert.deepEqual(firstSources("Drones\n\nAfrica Intelligence note que, depuis janvier, la presse israélienne faisait état de commandes de drones israéliens par le Maroc.", "fr", "2021-09-13"), ["la presse israélienne", "Africa Intelligence"]);
});

test("a name with an initial ('Jane Q. Roe', \"O'Roe\") or a bracketed affiliation before the verb ('Sen. Jane Roe (D-Ohio) said') names the speaker", () => {
  assert.deepEqual(chainOf("Jane Q. Roe said Israel had sold drones to Morocco."), ["Jane Q. Roe"]);
  assert.deepEqual(chainOf("O'Roe said Israel had sold drones to Morocco."), ["O'Roe"]);
  assert.deepEqual(chainOf("Sen. Jane Roe (D-Ohio) said Israel had sold drones to Morocco."), ["Jane Roe"]);
});

test("a definite office refers to the person introduced with it; an office nobody named holds is someone new", () => {
  const sourcesOf = (text: string, lang: string) => extract({ id: "t", text: `Drones\n\n${text}`, lang, published: "2022-06-15" }).transfers.map((t) => t.sources);
  // "the president" is President Tamsin (fictional), even after an adverb opens the clause.
  assert.deepEqual(sourcesOf("President Tamsin spoke of trade. Later the president said Israel had sold drones to Morocco.", "en"), [["President Tamsin"]]);
  // After a person introduced as president, "the spokesman" is another person, told as the text words it.
  assert.deepEqual(sourcesOf("President Tamsin spoke of trade. The spokesman said Israel had sold drones to Morocco.", "en"), [["The spokesman"]]);
  // With no title to tell them apart, the spokesman may be the person just named.
  assert.deepEqual(sourcesOf("Ned Tamsin spoke of trade. The spokesman said Israel had sold drones to Morocco.", "en"), [["Ned Tamsin"]]);
  assert.deepEqual(sourcesOf("Le président Tamsin a parlé de commerce. Puis le porte-parole a affirmé qu'Israël avait vendu des drones au Maroc.", "fr"), [["le porte-parole"]]);
});

test("speakers named by an acronym, by a role with its complement, or set off by an adverb or a state's apposition", () => {
  // An acronym the catalog does not know names its speaker (QDA is fictional).
  assert.deepEqual(chainOf("Israel had sold drones to Morocco, the QDA said."), ["the QDA"]);
  // A role noun ending in "-ly" after an article is a noun, not an adverb cut from the phrase.
  assert.deepEqual(chainOf("Israel had sold drones to Morocco, lawyers for the family said."), ["lawyers for the family"]);
  // An adverb alone between the apposition and the verb is stepped over.
  assert.deepEqual(chainOf("Jane Roe, the head of a fictional league, firmly told reporters that Israel had sold drones to Morocco."), ["Jane Roe"]);
  // A state set off by an apposition speaks itself.
  assert.deepEqual(chainOf("Morocco, the only buyer named in the fictional report, confirmed that it had bought drones from Israel."), ["Morocco"]);
});

test("documents obtained or seen by an outlet are the origin it relays; what documents 'show' is reported", () => {
  // (The quote's own subject is no speaker: what the documents show is Mediapart's, the relay that obtained them.)
  assert.deepEqual(chainOf("« Israël a vendu des drones au Maroc », montrent les documents obtenus par Mediapart.", "fr").at(-1), "Mediapart");
  assert.deepEqual(chainOf("Israel sold drones to Morocco, according to documents seen by Reuters."), ["documents", "Reuters"]);
});

test("a conjunction inside the subject's segment opens the speaker's own clause ('The statement comes a day after a lawmaker told')", () => {
  assert.deepEqual(chainOf("The statement comes a day after a lawmaker told reporters that Israel had sold drones to Morocco."), ["a lawmaker"]);
});

test("a quotation running over several sentences is all said by the speaker named where it closes", () => {
  const text = "Drones\n\nJane Roe spoke on Thursday. \u201cIsrael has sold drones to Morocco. We have always said so,\u201d Roe told reporters.";
  assert.deepEqual(firstSources(text, "en", "2022-06-15"), ["Jane Roe"]);
  const fr = "Drones\n\nJean Exemple a parlé jeudi. « Israël a vendu des drones au Maroc. Le contrat est signé », a déclaré Jean Exemple.";
  assert.deepEqual(firstSources(fr, "fr", "2022-06-15"), ["Jean Exemple"]);
});

test("'the publication', « la même publication » is the outlet last named", () => {
  const text = "Drones\n\nThe drones may be used in Ukraine, The Washington Post said.\n\nAccording to the publication, Israel sold drones to Morocco.";
  assert.deepEqual(firstSources(text, "en", "2022-06-15"), ["The Washington Post"]);
});

test("a speaker told by description is relayed by 'according to' and 'citing', also in the citing outlet's own article", () => {
  assert.deepEqual(chainOf("Israel sold drones to Morocco, the defence ministry said, according to Anadolu Agency."), ["the defence ministry", "Anadolu Agency"]);
  const own = extract({ id: "t", text: "Drones\n\nIsrael sold drones to Morocco, the defence ministry said, News.Az reports citing Anadolu Agency.", lang: "en", published: "2022-06-15", outlet: "News.Az" }).transfers;
  assert.deepEqual(own.map((t) => t.sources), [["the defence ministry", "Anadolu Agency"]]);
  // "the ministry" after the Defence Ministry was named refers back to it, not to the agency named since.
  const text = "Drones\n\nIsrael signed a deal, the Defence Ministry said, according to Anadolu Agency.\n\nIsrael has sold drones to Morocco, the ministry added.";
  assert.deepEqual(extract({ id: "t", text, lang: "en", published: "2022-06-15" }).transfers.at(-1)!.sources, ["the Defence Ministry", "Anadolu Agency"]);
});

test("a relay before a speaker who refers back relays that speaker (« Tel que rapporté par les agences, le même responsable a annoncé »)", () => {
  const text = "Chasseurs\n\nJean Exemple a déclaré jeudi que les avions étaient prêts. Tel que rapporté par les agences russes, le même responsable a annoncé que la Russie avait vendu douze avions au Vietnam.";
  assert.deepEqual(firstSources(text, "fr", "2010-06-15"), ["Jean Exemple", "les agences russes"]);
});

test("a person's lawyer or aides are someone else, told as the text words them", () => {
  const text = "Drones\n\nJane Roe spoke to the panel on Monday.\n\nRoe's lawyer said Israel had sold drones to Morocco.";
  assert.deepEqual(firstSources(text, "en", "2022-06-15"), ["Roe's lawyer"]);
});

test("a part of the day closes an inverted speaker ('said Defence Minister Jan Roe on Friday evening'); « a conclu d'acheter » reports nothing", () => {
  assert.deepEqual(chainOf("Israel had sold drones to Morocco, said Defence Minister Jan Roe on Friday evening."), ["Jan Roe"]);
  assert.deepEqual(chainOf("Le Maroc a conclu d'acheter des drones à Israël, a indiqué le ministre marocain Jean Exemple vendredi soir.", "fr"), ["Jean Exemple"]);
});

test("the agent of a passive reporting verb speaks, whoever reports it after; a title set off by its holder's name is that person", () => {
  assert.deepEqual(chainOf("The sale of Israeli drones to Morocco was confirmed by the Moroccan defence minister, Jane Roe, Defense News reports."), ["Jane Roe", "Defense News"]);
  assert.deepEqual(chainOf("La vente de drones israéliens au Maroc a été confirmée par le ministre marocain de la Défense, Jean Exemple, rapporte Defense News.", "fr"), ["Jean Exemple", "Defense News"]);
  assert.deepEqual(chainOf("The sale of Israeli drones to Morocco was first reported by Haaretz."), ["Haaretz"]);
});

test("a sentence that only tells who confirms the deal just told gives it its source, a party inside the speaker's title aside", () => {
  const text = "Drones\n\nIsrael has sold drones to Morocco.\n\nThe sale was confirmed by Morocco's defence minister, Jane Roe.";
  assert.deepEqual(firstSources(text, "en", "2022-06-15"), ["Jane Roe"]);
});

test("a state set off by a lowercase apposition speaks, not a state named inside it ('Poland, worried about Russia's ambitions, announced')", () => {
  assert.deepEqual(chainOf("Morocco, worried about Algeria's ambitions, announced it had bought Israeli drones."), ["Morocco"]);
  assert.deepEqual(chainOf("Le Maroc, inquiet des ambitions de l'Algérie, a annoncé avoir acheté des drones israéliens.", "fr"), ["Maroc"]);
});

test("a month word that is also a name is one beside another name ('Jane May said', 'said Jan Novak'), not before a figure ('in May 2017')", () => {
  assert.deepEqual(chainOf("Israel had sold drones to Morocco, Jane May said."), ["Jane May"]);
  assert.deepEqual(chainOf("Israel had sold drones to Morocco, said Jan Novak."), ["Jan Novak"]);
  const [claim] = extract({ id: "t", text: "Drones\n\nIn May 2017 Israel sold drones to Morocco.", lang: "en", published: "2022-06-15" }).transfers;
  assert.deepEqual(claim?.time, { from: "2017-05", to: "2017-05" });
});

test("a segment that names its own person speaks for itself, not as an apposition of a name before it (« d'Argonay (Haute-Savoie), la ministre Jeanne Exemple a annoncé »)", () => {
  assert.deepEqual(chainOf("Lors d'une visite à Argonay (Haute-Savoie), la ministre marocaine Jeanne Exemple a annoncé que le Maroc avait acheté des drones israéliens.", "fr"), ["Jeanne Exemple"]);
});

test("a day of the month between an inverted verb and its subject is stepped over (« écrit le 26 avril l'agence Anadolu »)", () => {
  assert.deepEqual(chainOf("Israël a livré des drones au Maroc, écrit le 26 avril l'agence Anadolu.", "fr"), ["Anadolu Agency"]);
});

test("the outlet a speaker told is a hop also after its article or a descriptor ('told the Guardian', 'the state news agency Petra', 'the daily Politika'); a body addressed is none ('told the Senate')", () => {
  assert.deepEqual(chainOf("A spokesperson told the Guardian that Israel had sold drones to Morocco."), ["A spokesperson", "The Guardian"]);
  assert.deepEqual(chainOf("Jane Roe told the state news agency Petra that Israel had sold drones to Morocco."), ["Jane Roe", "Petra"]);
  assert.deepEqual(chainOf("Jane Roe told the daily Politika that Israel had sold drones to Morocco."), ["Jane Roe", "Politika"]);
  assert.deepEqual(chainOf("Jane Roe a déclaré au quotidien Politika qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jane Roe", "Politika"]);
  assert.deepEqual(chainOf("The minister told the Senate that Israel had sold drones to Morocco."), ["The minister"]);
});

test("media that rely on or cite another (« qui s'appuyaient sur un article du quotidien X », « qui citent X ») relay it", () => {
  assert.deepEqual(chainOf("Selon plusieurs médias ukrainiens, qui s'appuyaient sur un article du quotidien Kathimerini, Israël aurait vendu des drones au Maroc.", "fr"), ["Kathimerini", "plusieurs médias ukrainiens"]);
  assert.deepEqual(chainOf("Selon des médias ukrainiens, qui citent le quotidien Kathimerini, Israël aurait vendu des drones au Maroc.", "fr"), ["Kathimerini", "des médias ukrainiens"]);
});

test("a no-comment sentence or a topic shift ('Separately', « Par ailleurs ») ends the carried source", () => {
  const chains = (text: string, lang: string) => extract({ id: "t", text, lang, published: "2021-05-04" }).transfers.map((t) => t.sources.join(">"));
  assert.deepEqual(chains("Rafales\n\nEgypt has agreed to buy 30 Rafale jets from France, two sources said. France's defence ministry declined to comment. Greece received six Rafales last year.", "en"), ["two sources", ""]);
  assert.deepEqual(chains("Rafales\n\nEgypt has agreed to buy 30 Rafale jets from France, two sources said. Separately, Greece received six Rafales last year.", "en"), ["two sources", ""]);
  assert.deepEqual(chains("Rafale\n\nL'Égypte va acheter 30 Rafale à la France, selon deux sources. Le ministère des Armées n'a pas souhaité réagir. La Grèce a reçu six Rafale l'an dernier.", "fr"), ["deux sources", ""]);
  assert.deepEqual(chains("Rafale\n\nL'Égypte va acheter 30 Rafale à la France, selon deux sources. Par ailleurs, la Grèce a reçu six Rafale l'an dernier.", "fr"), ["deux sources", ""]);
  // A carrying cue after the shift still carries.
  assert.deepEqual(chains("Rafales\n\nEgypt has agreed to buy 30 Rafale jets from France, two sources said. Separately, the sources said Greece received six Rafales last year.", "en"), ["two sources", "two sources"]);
});

test("a work led by one source and published by another names both; an unnamed report published by someone is theirs", () => {
  assert.deepEqual(chainOf("Predator was sold to Egypt, according to an investigation led by European Investigative Collaborations and published by Mediapart."), ["European Investigative Collaborations", "Mediapart"]);
  assert.deepEqual(chainOf("Le logiciel Predator aurait été vendu à l'Égypte, révèle une enquête menée par le consortium European Investigative Collaborations (EIC) et publiée jeudi par Mediapart.", "fr"), ["European Investigative Collaborations", "Mediapart"]);
  assert.deepEqual(chainOf("Le logiciel Predator aurait été vendu à l'Égypte, selon une enquête publiée jeudi par Mediapart.", "fr"), ["Mediapart"]);
  assert.deepEqual(chainOf("Predator was sold to Egypt, according to a report released by Amnesty International on Monday."), ["Amnesty International"]);
  // A report an outlet only saw stays the origin it relays.
  assert.deepEqual(chainOf("Predator was sold to Egypt, according to a report seen by Reuters."), ["a report", "Reuters"]);
});

test("a pronoun speaking after a sentence that opened on a state's body is that body, not the source carried before", () => {
  const fr = extract({ id: "t", lang: "fr", published: "2021-07-20", text: "Pegasus\n\nAmnesty a accusé Rabat d'avoir utilisé le logiciel Pegasus contre le journaliste Omar Radi.\n\nLe gouvernement marocain a vivement réagi. Dans un communiqué, il « rejette catégoriquement » ces « allégations » et affirme n'avoir « jamais acquis » le logiciel Pegasus." }).transfers;
  assert.deepEqual(fr.map((t) => `${t.stance} ${t.sources.join(">")}`), ["alleged Amnesty International", "denied gouvernement marocain"]);
  const en = extract({ id: "t", lang: "en", published: "2021-07-20", text: "Pegasus\n\nAmnesty said Morocco had bought Pegasus.\n\nThe Moroccan government reacted sharply. In a statement, it said it had never acquired Pegasus." }).transfers;
  assert.deepEqual(en.map((t) => `${t.stance} ${t.sources.join(">")}`), ["asserted Amnesty International", "denied Moroccan government"]);
});

test("a paragraph opening on people ('Les pilotes ukrainiens') does not go on with the source of the one before; one opening on an outlet does", () => {
  const text = (opening: string) => `Mirage\n\nLa France a livré des Mirage 2000-5 à l'Ukraine, selon plusieurs médias.\n\n${opening} Le Danemark a cédé des F-16 à l'Ukraine.`;
  const sources = (opening: string) => extract({ id: "t", lang: "fr", published: "2025-02-10", text: text(opening) }).transfers.find((t) => t.supplier === "DNK")?.sources;
  assert.deepEqual(sources("Les pilotes ukrainiens ont été formés en France."), []);
  assert.deepEqual(sources("Le journal précise que les appareils ont été modifiés."), ["plusieurs médias"]);
});

test("'it' speaking goes on with the organisation last named, not with a person named since", () => {
  const text = "Pegasus\n\nIn 2016 Citizen Lab discovered the spyware when the activist Ahmed Mansoor forwarded a suspicious message to researchers. Two years later, it concluded that Saudi Arabia had bought Pegasus.";
  assert.deepEqual(extract({ id: "t", text, lang: "en", published: "2024-02-01" }).transfers.map((t) => t.sources), [["Citizen Lab"]]);
});

test("a participle or a relative clause inserted between the speaker and 'told' leaves the speaker before it", () => {
  assert.deepEqual(chainOf("A Moroccan official, speaking on condition of anonymity, told Reuters that Israel had sold drones to Morocco."), ["A Moroccan official", "Reuters"]);
  assert.deepEqual(chainOf("Un responsable marocain, qui a requis l'anonymat, a déclaré à l'AFP qu'Israël avait vendu des drones au Maroc.", "fr"), ["Un responsable marocain", "AFP"]);
});

test("after a speaker's name, a preposition closes the inverted subject: where or when they spoke is no part of it", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a annoncé mardi le ministre Jean Exemple lors d'une visite à Rabat.", "fr"), ["Jean Exemple"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, said Amnesty International in a report published on Monday about the Gulf and North Africa."), ["Amnesty International"]);
});

test("a state speaking after what it says, in a segment of its own, is no party to it; one speaking before may be", () => {
  const after = extract({ id: "t", text: "Missiles\n\nIran has sent ballistic missiles to Russia, the United States said on Tuesday, warning that Moscow would use them in Ukraine.", lang: "en", published: "2024-09-11" }).transfers;
  assert.deepEqual(after.map((t) => `${t.supplier}>${t.recipient} ${t.status} ${t.sources.join(">")}`), ["IRN>RUS delivered the United States"]);
  const before = extract({ id: "t", text: "Missiles\n\nIran has sent missiles to Russia, and the United States said it will send more missiles to Ukraine.", lang: "en", published: "2024-09-11" }).transfers;
  assert.deepEqual(before.map((t) => `${t.supplier}>${t.recipient}`), ["IRN>RUS", "USA>UKR"]);
});

test("'the researchers' speaking goes on with the organisation last cited, not with the one person named since", () => {
  const text = "Pegasus\n\nThe activist Jane Exemple was targeted with spyware, according to an analysis by Citizen Lab. After examining the device, the researchers concluded that the Moroccan government had bought Pegasus from Israel.";
  assert.deepEqual(extract({ id: "t", text, lang: "en", published: "2023-09-22" }).transfers.map((t) => t.sources), [["Citizen Lab"]]);
});

test("'The London-based human rights group said' refers back to the organisation last named; the city it is based in speaks for no one", () => {
  const text = "Drones\n\nAmnesty International published a report on Thursday.\n\nThe London-based human rights group said Israel had sold drones to Morocco.";
  assert.deepEqual(extract({ id: "t", text, lang: "en", published: "2022-06-15" }).transfers.map((t) => t.sources), [["Amnesty International"]]);
});

test("rejecting 'the suggestion that' it supplies denies it", () => {
  assert.deepEqual(extract({ id: "t", text: "Weapons\n\nThe UAE rejects the suggestion that it is supplying weapons to Sudan.", lang: "en", published: "2025-05-09" }).transfers.map((t) => `${t.supplier}>${t.recipient} ${t.stance}`), ["ARE>SDN denied"]);
});

test("right after the comma closing what was told, the verb's subject follows however long; an outlet addressed first is the one told; how the speaker spoke is no part of who", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a indiqué une source proche du dossier sous couvert d'anonymat.", "fr"), ["une source proche du dossier"]);
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a confirmé à l'AFP une source sécuritaire.", "fr"), ["une source sécuritaire", "AFP"]);
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a fait savoir le ministère marocain de la Défense dans un communiqué.", "fr"), ["ministère marocain de la Défense"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, a spokesperson for the defence ministry confirmed to AFP."), ["a spokesperson for the defence ministry", "AFP"]);
});

test("a comma closing an apposition of a long subject before 'said' is no inversion", () => {
  assert.deepEqual(chainOf("A statement on the sale made available by the spokesman of the ministry, Jane Exemple, said Israel had sold drones to Morocco."), ["Jane Exemple"]);
});

test("after an inverted verb of saying or telling, the outlet comes first and the speaker after it (« affirme dans un entretien au Figaro le chercheur X »)", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, affirme dans un entretien au Figaro le chercheur Jean Exemple.", "fr"), ["Jean Exemple", "Le Figaro"]);
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a confié au Figaro un responsable.", "fr"), ["un responsable", "Le Figaro"]);
});

test("« D'après un rapport de l'ONU consulté par l'AFP »: the 'après' of the cue dates nothing; the work's author speaks and who saw it relays", () => {
  assert.deepEqual(chainOf("D'après un rapport de l'ONU consulté par l'AFP, Israël a vendu des drones au Maroc.", "fr"), ["United Nations", "AFP"]);
});

test("a bracketed affiliation closed by an abbreviation's dot, or followed by an apposition, and a party's member set off by commas, all describe the speaker", () => {
  assert.deepEqual(chainOf("Sen. Jane Roe (D-Calif.) said Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Sen. Jane Roe (D-N.J.), the panel's top Democrat, said Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Senator Jane Roe, Democrat of Ohio, said Israel had sold drones to Morocco."), ["Jane Roe"]);
});

test("an apposition naming an organisation the catalog does not know describes the speaker; the organisation's words are no person's name", () => {
  assert.deepEqual(chainOf("Jane Roe, a spokeswoman for the United Example Workers of Ruritania, said Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Jane Roe, chair of the Example Affairs Committee, said Israel had sold drones to Morocco."), ["Jane Roe"]);
});

test("people a speaker told, named by nothing ('Russian officials', « des responsables européens »), carry the words nowhere: no link of the chain", () => {
  assert.deepEqual(chainOf("Jane Roe told Ruritanian officials that Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Jean Dupont a confié à des responsables européens qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Dupont"]);
  assert.deepEqual(chainOf("Jane Roe told the Example Times that Israel had sold drones to Morocco."), ["Jane Roe", "Example Times"]);
});

test("a place before '-based' or a state before lowercase modifiers of a role ('Hong Kong pro-democracy activists') is no speaker of its own", () => {
  assert.deepEqual(chainOf("Hong Kong-based military expert Jane Roe said Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Hong Kong pro-democracy activists said Israel had sold drones to Morocco."), ["Hong Kong pro-democracy activists"]);
});

test("a capitalised word of organisations after an outlet's name goes on with it ('Iran's Student News Network')", () => {
  assert.deepEqual(chainOf("Ruritania's Student News Network reported that Israel had sold drones to Morocco."), ["Student News Network"]);
});

test("a statement published by a body is the body's; 'selon les termes du contrat' is what the deal lays down, no one's report", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, selon un communiqué publié par le ministère marocain de la Défense.", "fr"), ["ministère marocain de la Défense"]);
  const sources = (text: string, lang: string) => extract({ id: "t", text: `Drones\n\n${text}`, lang, published: "2022-06-15" }).transfers.map((t) => t.sources);
  assert.deepEqual(sources("Le ministère marocain de la Défense a annoncé l'arrivée des drones. Israël a livré six drones au Maroc, selon un communiqué publié par le ministère.", "fr").at(-1), ["ministère marocain de la Défense"]);
  assert.deepEqual(chainOf("Israël livrera les drones au Maroc en 2025, selon les termes du contrat signé avec Elbit Systems.", "fr"), []);
});

test("an arrival announced in the past (« a annoncé, jeudi, l'arrivée de six drones ») has happened", () => {
  const claims = extract({ id: "t", text: "Drones\n\nLe ministère marocain de la Défense a annoncé, jeudi, l'arrivée de six drones Heron en provenance d'Israël.", lang: "fr", published: "2022-06-15" }).transfers;
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["ISR>MAR delivered"]);
});

test("who one learns from is the origin, the learner relays (« a-t-on appris auprès de », 'has learned from'); 'a conclu … un accord' concludes a deal, says nothing", () => {
  assert.deepEqual(chainOf("Israël a conclu lundi avec le Maroc un accord pour la vente de drones, a-t-on appris auprès du ministère marocain de la Défense.", "fr"), ["ministère marocain de la Défense"]);
  assert.deepEqual(chainOf("Le Monde a appris auprès de sources proches du dossier qu'Israël avait vendu des drones au Maroc.", "fr"), ["sources proches du dossier", "Le Monde"]);
  assert.deepEqual(chainOf("The Example Times has learned from two people familiar with the matter that Israel sold drones to Morocco."), ["two people familiar with the matter", "Example Times"]);
});

test("how an inverted speaker spoke, told before them (« a indiqué sous couvert d'anonymat un porte-parole »), is no part of who", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a indiqué sous couvert d'anonymat un porte-parole du ministère.", "fr"), ["un porte-parole du ministère"]);
});

test("a reporting verb after 'but'/'and', its segment naming no speaker, shares the sentence's speaker, not a party named before it", () => {
  const claims = extract({ id: "t", lang: "en", published: "2024-04-20", text: "Jets\n\nOfficials announced that Israel was delivering drones, radars, and Heron drones to Morocco but added that the process was ongoing." }).transfers;
  assert.ok(claims.length >= 2);
  for (const t of claims) assert.deepEqual(t.sources, ["Officials"]);
});

test("a caption's 'image obtained by' / « document obtenu » obtains no arms", () => {
  const claims = extract({ id: "t", lang: "en", published: "2024-04-20", text: "Drones\n\nRussia has supplied Iran with Yak-130 jets. Iran's army chief visits a drone site in Iran, in this handout image obtained on April 20, 2023." }).transfers;
  assert.deepEqual(claims.map((t) => t.item.category), ["aircraft"]);
});

test("a purchase placed « auprès du suédois Saab » is placed with the seller, no one told", () => {
  assert.deepEqual(chainOf("Le Maroc a passé commande de drones auprès de l'israélien Elbit Systems.", "fr"), []);
});

test("a title and one name ('Senator Roe', « le général Dupont ») name a person, also before an apposition", () => {
  assert.match(chainOf("Senator Roe, a Democrat, said Israel had sold drones to Morocco.").join("|"), /Roe/);
  assert.match(chainOf("Le général Dupont, chef d'état-major, a indiqué qu'Israël avait vendu des drones au Maroc.", "fr").join("|"), /Dupont/);
});

test("a speaker's age set off by commas ('Jane Roe, 56, told', « Jean Dupont, 45 ans, a dit ») is stepped over", () => {
  assert.deepEqual(chainOf("Jane Roe, 56, told Reuters that Israel had sold drones to Morocco."), ["Jane Roe", "Reuters"]);
  assert.deepEqual(chainOf("Jane Roe, 56, who has studied the region for a decade, said Israel had sold drones to Morocco."), ["Jane Roe"]);
  assert.deepEqual(chainOf("Jean Dupont, 45 ans, a déclaré qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Dupont"]);
});

test("authorities, associations and foundations speak ('Moroccan authorities said', « les autorités marocaines ont affirmé »)", () => {
  assert.deepEqual(chainOf("Moroccan authorities said Israel had sold drones to Morocco."), ["Moroccan authorities"]);
  assert.deepEqual(chainOf("The foundation said Israel had sold drones to Morocco."), ["The foundation"]);
  assert.deepEqual(chainOf("Les autorités marocaines ont affirmé qu'Israël avait vendu des drones au Maroc.", "fr"), ["Les autorités marocaines"]);
});

test("a reporting verb whose clause goes on to a deal word after a pronoun still reports ('said he wanted to keep negotiating')", () => {
  assert.deepEqual(chainOf("Jane Roe said she expected Israel to keep negotiating the sale of drones to Morocco."), ["Jane Roe"]);
});

test("a sentence opening on a phrase that reports back ('That is what X said', « C'est ce qu'a affirmé X ») gives its speaker to the sentence before", () => {
  const sources = (text: string, lang: string) => extract({ id: "t", text: `Drones\n\n${text}`, lang, published: "2022-06-15" }).transfers[0]?.sources;
  assert.deepEqual(sources("Israel sold drones to Morocco. That is what Jane Roe said on Tuesday.", "en"), ["Jane Roe"]);
  assert.deepEqual(sources("Israël a vendu des drones au Maroc. C'est ce qu'a affirmé mardi à Rabat le chercheur Jean Dupont, lors d'une conférence.", "fr"), ["Jean Dupont"]);
});

test("a verb with a count of more as its object ('Belarus added four more') reports nothing", () => {
  assert.deepEqual(extract({ id: "t", text: "Drones\n\nIsrael sold drones to Morocco in 2017, and Ruritania added four more in 2019.", lang: "en", published: "2022-06-15" }).transfers[0]?.sources, []);
});

test("how a speaker spoke, after the speaker's name, ends the name (« a indiqué le ministre lors d'une conférence de presse », 'during a news conference')", () => {
  assert.deepEqual(chainOf("« Israël a vendu des drones au Maroc », a indiqué le ministre lors d'une conférence de presse commune.", "fr"), ["le ministre"]);
  assert.deepEqual(chainOf("Israel sold drones to Morocco, said the minister at a news conference in Rabat."), ["the minister"]);
});

test("a place after a marker right after the reporting verb says where, not who ('Sébastien Lecornu, a annoncé lundi à Paris, …')", () => {
  assert.deepEqual(chainOf("Le ministre des Armées, Jean Dupont, a annoncé lundi à Paris, aux côtés de son homologue, qu'Israël avait vendu des drones au Maroc.", "fr"), ["Jean Dupont"]);
});

test("« a-t-on appris de sources militaires » names its origin", () => {
  assert.deepEqual(chainOf("Israël a vendu des drones au Maroc, a-t-on appris de sources militaires.", "fr"), ["sources militaires"]);
});
