import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { extract, ExtractError } from "../src/extract/pipeline.ts";
import { detectLanguage } from "../src/extract/language.ts";
import { AS_OF_STATEMENT } from "../src/extract/types.ts";
import { createContext } from "../src/extract/context.ts";
import { findMentions } from "../src/extract/mentions.ts";
import { lexiconFor } from "../src/extract/lexicon.ts";
import { defaultCatalog } from "../src/catalog/load.ts";

const article = (text: string, lang = "en", published = "2022-06-15") => extract({ id: "t", text, lang, published }).transfers;
/** Each claim as "SUPPLIER>RECIPIENT status stance". */
const stages = (claims: { supplier: string | null; recipient: string | null; status: string; stance: string }[]) => claims.map((t) => `${t.supplier}>${t.recipient} ${t.status} ${t.stance}`);

test("on any input the extractor returns, every span slices to its evidence, and output is deterministic", () => {
  const words = fc.constantFrom("Israel", "sold", "three", "Heron", "drones", "to", "Morocco", "in", "2013", "selon", "Haaretz", ",", ".", "\n\n", "a vendu", "au Maroc", "«", "»", "$50 million", "according to", "said");
  const text = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.array(words, { maxLength: 60 }).map((w) => w.join(" ")));
  fc.assert(
    fc.property(text, fc.constantFrom("en", "fr"), (t, lang) => {
      const a = extract({ id: "p", text: t, lang, published: "2021-03" });
      for (const c of a.transfers) {
        assert.ok(c.span.start >= 0 && c.span.end <= t.length && c.span.start <= c.span.end);
        assert.equal(t.slice(c.span.start, c.span.end), c.evidence);
      }
      assert.deepEqual(extract({ id: "p", text: t, lang, published: "2021-03" }), a);
    }),
    { numRuns: 300 },
  );
});

test("an empty text gives no transfers, not an error", () => {
  assert.deepEqual(article(""), []);
  assert.deepEqual(extract({ id: "e", text: "   \n  " }).transfers, []);
});

test("an unsupported language is refused with the supported ones named", () => {
  assert.throws(
    () => extract({ id: "de", text: "Deutschland liefert Panzer an die Ukraine.", lang: "de" }),
    (e: unknown) => e instanceof ExtractError && e.code === "unsupported-language" && /en, fr/.test(e.message),
  );
});

test("the language is detected from common words", () => {
  assert.equal(detectLanguage("Le Maroc a acheté des drones à la Turquie, selon la presse."), "fr");
  assert.equal(detectLanguage("Morocco bought drones from Turkey, according to the press."), "en");
});

test("a large text is read in linear time without failing", () => {
  const para = "Israel sold three Heron drones to Morocco in 2013 for $50 million, Haaretz reported.\n\n";
  const big = para.repeat(20_000);
  const out = extract({ id: "big", text: big, lang: "en", published: "2021" });
  assert.equal(out.transfers.length, 1, "the same claim restated 20,000 times folds into one");
});

test("a text longer than one reading window keeps exact spans in every window", () => {
  const filler = "Nothing here concerns weapons at all, only the weather and the harbour.\n\n".repeat(16_000);
  const text = `${filler}Israel sold three Heron drones to Morocco in 2013.\n\n${filler}Turkey sold six Bayraktar TB2 drones to Niger in 2022.`;
  const out = extract({ id: "w", text, lang: "en" });
  assert.equal(out.transfers.length, 2);
  for (const c of out.transfers) assert.equal(text.slice(c.span.start, c.span.end), c.evidence);
  assert.deepEqual(out.transfers.map((c) => c.recipient), ["MAR", "NER"]);
});

test("active sale: supplier, recipient, item, quantity, value, time", () => {
  const [c] = article("Israel sold three Heron drones to Morocco in 2013 for $50 million.");
  assert.equal(c?.supplier, "ISR");
  assert.equal(c?.recipient, "MAR");
  assert.equal(c?.item.category, "uav");
  assert.equal(c?.quantity, 3);
  assert.deepEqual(c?.value, { amount: 50_000_000, currency: "USD" });
  assert.deepEqual(c?.time, { from: "2013", to: "2013" });
  assert.equal(c?.status, "delivered");
});

test("the buyer as subject and the seller after 'à' in French", () => {
  const [c] = article("Le Maroc a acheté des drones Bayraktar TB2 à la Turquie en 2021.", "fr");
  assert.equal(c?.supplier, "TUR");
  assert.equal(c?.recipient, "MAR");
});

test("passive voice with an agent", () => {
  const [c] = article("Three second-hand Heron drones were delivered to Morocco by France in 2014.");
  assert.equal(c?.supplier, "FRA");
  assert.equal(c?.recipient, "MAR");
});

test("a maker stands for its state when no state is named", () => {
  const [c] = article("Baykar delivered six TB2 drones to Niger in May.");
  assert.equal(c?.supplier, "TUR");
  assert.equal(c?.recipient, "NER");
});

test("coordinated recipients each get their own transfer", () => {
  const cs = article("Turkey sold Bayraktar TB2 drones to Morocco and Ethiopia.");
  assert.deepEqual(cs.map((c) => c.recipient).sort(), ["ETH", "MAR"]);
});

test("a hedged claim is alleged and a denial is its own claim", () => {
  const [alleged] = article("Israel reportedly sold Pegasus spyware to Morocco.");
  assert.equal(alleged?.stance, "alleged");
  const denied = article("Morocco denied having bought Pegasus spyware from Israel.");
  assert.equal(denied[0]?.stance, "denied");
});

test("nested citations build the chain origin first", () => {
  const [c] = article(
    "C'est la révélation faite par Jean Dupont, chercheur fictif, cité par le site Le Monde, lequel cite le quotidien Libération. Selon l'expert, la Grèce a vendu trois frégates au Portugal en 2013.",
    "fr",
    "2021-03",
  );
  assert.deepEqual(c?.sources, ["Jean Dupont", "Libération", "Le Monde"]);
});

test("a sale through a third state names the intermediary", () => {
  const [c] = article("Israel sold the drones to Morocco via France.");
  assert.equal(c?.intermediary, "FRA");
});

test("relative dates resolve against the publication date", () => {
  const [c] = article("Le Niger a reçu six drones turcs Bayraktar TB2 en novembre dernier.", "fr", "2022-05-24");
  assert.deepEqual(c?.time, { from: "2021-11", to: "2021-11" });
});

test("a nominal sale names its item, value and recipient", () => {
  const [c] = article("The 2015 sale of 24 Rafale jets to Egypt was worth 5.2 billion euros.");
  assert.equal(c?.supplier, "FRA");
  assert.equal(c?.recipient, "EGY");
  assert.equal(c?.quantity, 24);
  assert.deepEqual(c?.value, { amount: 5_200_000_000, currency: "EUR" });
});

test("'Y reported, citing X' puts X first; unnamed sources keep the text's wording", () => {
  // The outlet is fictional; the deal is Egypt's 2015 Rafale order.
  const [c] = article("Egypt ordered 24 Rafale jets from France in 2015, the Example Times reported, citing two people familiar with the matter.");
  assert.deepEqual(c?.sources, ["two people familiar with the matter", "Example Times"]);
});

test("'in an interview with Y' adds the outlet after the speaker", () => {
  const [c] = article("Jean Exemple, a fictional analyst, said in an interview with Le Monde that Egypt had ordered 24 Rafale jets from France in 2015.");
  assert.deepEqual(c?.sources, ["Jean Exemple", "Le Monde"]);
});

test("a French nominal purchase with 'par' names the buyer", () => {
  const [c] = article("L'achat par l'Égypte de 24 Rafale à la France a été conclu en 2015.", "fr", "2016");
  assert.equal(c?.supplier, "FRA");
  assert.equal(c?.recipient, "EGY");
  assert.equal(c?.status, "ordered");
});

test("coordinated suppliers each get their own transfer", () => {
  const t = article("Norway and Sweden have each pledged ten Leopard 2 tanks to Ukraine.");
  assert.deepEqual(t.map((c) => c.supplier).sort(), ["NOR", "SWE"]);
  assert.ok(t.every((c) => c.recipient === "UKR" && c.quantity === 10 && c.status === "offered"));
});

test("a delivery still to come is not a delivery", () => {
  assert.equal(article("Morocco is to receive 24 F-16 jets from the United States under a deal signed in 2019.")[0]!.status, "ordered");
  const fr = article("Ce contrat prévoit l'acquisition par le Niger de véhicules blindés turcs, dont le calendrier de livraison n'a pas été rendu public.", "fr");
  assert.equal(fr[0]!.status, "ordered");
});

test("a goal naming only a kind of party takes no recipient from earlier sentences", () => {
  const t = article("China sold Wing Loong drones to Egypt in 2018. Chinese media said Wing Loong drones had also been delivered to three foreign customers.");
  assert.deepEqual(t.map((c) => c.recipient), ["EGY"]);
  // The policy statement names no recipient: it is no second telling of the Mexican sale (which has no source).
  const policy = article("Israel approved the sale of Pegasus spyware to Mexico in 2011. Pegasus spyware was later found on phones there. Israel approves the export of cyber products exclusively to governmental entities, the ministry said.");
  assert.deepEqual(policy.map((c) => `${c.recipient}:${c.sources.join()}`), ["MEX:"]);
});

test("right after a French verb of getting, a bare 'de' names the supplier", () => {
  const t = article("Kiev a reçu de Washington sa première batterie Patriot en avril.", "fr");
  assert.equal(t.length, 1);
  assert.equal(t[0]!.supplier, "USA");
  assert.equal(t[0]!.recipient, "UKR");
  assert.equal(t[0]!.item.name, "Patriot");
});

test("the buyer's government approving a purchase is the recipient, and the purchase is ordered", () => {
  const t = article("The Polish government approved the purchase of 116 Abrams tanks from the United States.");
  assert.equal(t.length, 1);
  assert.equal(t[0]!.supplier, "USA");
  assert.equal(t[0]!.recipient, "POL");
  assert.equal(t[0]!.status, "ordered");
});

test("a designation naming what a story is about is no item ('the Patriot announcement')", () => {
  const t = article("The Patriot announcement came as Poland received its first Abrams tanks from the United States.");
  assert.deepEqual(t.map((c) => c.item.name), ["Abrams"]);
});

test("without a known outlet, the wire agency of the dateline is the article's own voice", () => {
  const text = "Drones\n\nDUBAI, Nov 6 (Example Wire) - Israel has delivered three Heron drones to Morocco.";
  const out = extract({ id: "t", text, lang: "en", published: "2022-11-06" });
  assert.equal(out.document.outlet, "Example Wire");
  assert.deepEqual(out.transfers[0]!.sources, []);
});

test("a denial closing a long clause is its subject's", () => {
  const t = article("Iran regarded reports of drone deliveries to Russia for use in the war as groundless.");
  assert.equal(t[0]!.stance, "denied");
  assert.deepEqual(t[0]!.sources, ["Iran"]);
});

test("what a shipment is sent to support is its recipient, not the place it lands", () => {
  assert.equal(article("Russia sent 14 MiG-29 jets to Libya to support Wagner Group mercenaries.")[0]!.recipient, "nsa:Wagner Group");
  const fr = article("Le groupe Wagner est en Ukraine. La Russie a envoyé en Libye des MiG-29 pour appuyer les mercenaires du groupe.", "fr");
  assert.equal(fr[0]!.recipient, "nsa:Wagner Group");
});

test("a calibre is no count, and the platform a munition is for is no item", () => {
  const t = article("Germany delivered 12,400 rounds of 35 mm ammunition for the Gepard to Ukraine.");
  assert.equal(t.length, 1);
  assert.equal(t[0]!.item.category, "ammunition");
  assert.equal(t[0]!.quantity, 12400);
  assert.equal(article("Paris a livré six canons de 155 mm à Kiev.", "fr")[0]!.quantity, 6);
});

test("a withheld approval cancels the transfer and denies nothing", () => {
  const t = article("Washington did not approve the sale of F-35 jets to Turkey.");
  assert.equal(t[0]!.status, "cancelled");
  assert.equal(t[0]!.stance, "asserted");
});

test("under an approval, the agent of the transfer supplies and the licensing state is no party", () => {
  const t = article("Berne n'autoriserait pas le transfert à Kiev de 12 400 obus par l'Allemagne.", "fr");
  assert.deepEqual([t[0]!.supplier, t[0]!.recipient, t[0]!.status], ["DEU", "UKR", "cancelled"]);
});

test("a maker's contract 'with' a party sells to it, however far the party is from the contract noun", () => {
  const t = article("Nexa avait conclu fin 2020 un contrat de 3,3 millions d'euros avec la faction du maréchal Khalifa Haftar pour la fourniture de matériel d'interception.", "fr");
  assert.deepEqual([t[0]!.supplier, t[0]!.recipient, t[0]!.item.category], ["FRA", "nsa:Libyan National Army", "surveillance"]);
});

test("two parties agreeing on a supply are both read, nearest first, and the system's origin says who sells", () => {
  const t = article("Varsovie et Ankara se sont entendues sur la fourniture de 24 drones TB2.", "fr");
  assert.deepEqual(t.map((c) => [c.supplier, c.recipient, c.quantity, c.status]), [["TUR", "POL", 24, "negotiating"]]);
  const w = article("La Pologne s'est entendue avec la Turquie sur la fourniture de 24 drones TB2.", "fr");
  assert.deepEqual(w.map((c) => [c.supplier, c.recipient]), [["TUR", "POL"]]);
});

test("forces sent on a mission or an exercise are no transfer", () => {
  assert.deepEqual(article("Erdogan a aussi annoncé l'envoi prochain de F-16 turcs en Pologne pour une mission de l'Otan.", "fr"), []);
  assert.deepEqual(article("Turkey will send F-16 jets to Poland for a NATO mission."), []);
});

test("a date after publication is a plan, not the deal's time", () => {
  const t = extract({ id: "t", text: "Drones\n\nPoland will buy 24 Bayraktar TB2 drones from Turkey, with the first to arrive in 2022.", lang: "en", published: "2021-05-22" }).transfers;
  assert.equal(t[0]!.time, null);
});

test("a middleman named after the party is the intermediary, and the system's maker state supplies", () => {
  const t = article("Morocco received the three Heron drones in January, with the French firm Dassault as middleman.");
  assert.deepEqual([t[0]!.supplier, t[0]!.recipient, t[0]!.intermediary], ["ISR", "MAR", "FRA"]);
  const fr = article("Le Maroc a reçu les trois drones Heron en janvier, avec le groupe français Dassault comme intermédiaire.", "fr");
  assert.deepEqual([fr[0]!.supplier, fr[0]!.recipient, fr[0]!.intermediary], ["ISR", "MAR", "FRA"]);
});

test("a delivery a contract provides for is ordered; a delivery told after a purchase is done", () => {
  assert.equal(article("India signed a contract with France for the supply of 26 Rafale jets.")[0]!.status, "ordered");
  assert.equal(article("La Serbie a signé un contrat avec la France pour la fourniture de douze Rafale.", "fr")[0]!.status, "ordered");
  assert.equal(article("Saudi Arabia flies 72 Typhoons bought from Britain under an earlier agreement, the last of them delivered in 2017.")[0]!.status, "delivered");
});

test("a headline folds into the body's deal and takes the body's source", () => {
  const text = "North Korea has sent Russia a million shells, Seoul's spy agency says\n\nNorth Korea has sent more than one million artillery shells to Russia, South Korea's National Intelligence Service told lawmakers.";
  const t = extract({ id: "t", text, lang: "en", published: "2022-11-02" }).transfers;
  assert.equal(t.length, 1);
  assert.deepEqual(t[0]!.sources, ["National Intelligence Service"]);
});

test("'doté de' describing equipment is no acquisition; 's'est doté de' is", () => {
  assert.deepEqual(article("Les 24 drones turcs forment quatre systèmes, chacun doté de sa station de contrôle.", "fr"), []);
  assert.equal(article("Le Maroc s'est doté de drones turcs Bayraktar TB2 en 2021.", "fr")[0]!.recipient, "MAR");
});

test("a French verb in the future tense is a transfer still to come; a version after a version noun is no item", () => {
  assert.equal(article("La France livrera six Rafale à la Grèce.", "fr")[0]!.status, "offered");
  assert.equal(article("La Pologne achètera 24 drones TB2 à la Turquie.", "fr")[0]!.status, "negotiating");
  assert.deepEqual(article("Les Émirats arabes unis ont commandé 80 Rafale au standard F4 à la France.", "fr").map((c) => c.item.name), ["Rafale"]);
});

test("a clause telling several stages of one deal is dated from its first date to its last", () => {
  const t = extract({ id: "t", text: "Drones\n\nMorocco took delivery of the three Heron drones from Israel on January 26, some six years after the 2014 purchase.", lang: "en", published: "2020-01-31" }).transfers;
  assert.deepEqual(t[0]!.time, { from: "2014", to: "2020-01-26" });
});

test("a demonym after 'to' or 'aux' names the recipient, not where the item was made", () => {
  assert.equal(article("Israel sold drones to the Moroccan authorities in 2014.")[0]?.recipient, "MAR");
  assert.equal(article("Israël a livré des drones aux forces marocaines en 2014.", "fr")[0]?.recipient, "MAR");
});

test("a sale to unnamed government agencies has no recipient to guess", () => {
  const pairs = article("Israel sold drones to Morocco in 2014. NSO says it sells Pegasus only to government agencies.").map((c) => `${c.supplier}>${c.recipient}`);
  assert.deepEqual(pairs, ["ISR>MAR"]);
});

test("wanting, planning or being about to buy keeps the buyer as recipient, under negotiation", () => {
  for (const [text, lang] of [
    ["Moscou était en train d'acheter des obus à la Corée du Nord.", "fr"],
    ["Russia was in the process of buying artillery shells from North Korea.", "en"],
    ["Saudi Arabia is interested in buying Turkish drones.", "en"],
  ] as const) {
    const [c] = article(text, lang);
    assert.equal(c?.status, "negotiating", text);
    assert.notEqual(c?.recipient, null, text);
    assert.notEqual(c?.supplier, c?.recipient, text);
  }
});

test("'weapons and ammunition' told together are unspecified arms", () => {
  const claims = article("North Korea said it had never exported weapons or ammunition to Russia.");
  assert.deepEqual(claims.map((c) => c.item.category), ["other"]);
});

test("the subject of a cancellation does what the transfer noun after it says", () => {
  const pair = (text: string, lang = "en") => article(text, lang).map((c) => `${c.supplier}>${c.recipient}:${c.status}`);
  assert.deepEqual(pair("Germany blocked the sale of tanks to Saudi Arabia in 2018."), ["DEU>SAU:cancelled"]);
  assert.deepEqual(pair("In 2014 Switzerland cancelled its purchase of fighter jets from Sweden."), ["SWE>CHE:cancelled"]);
  assert.deepEqual(pair("L'Allemagne a bloqué la vente de chars à l'Arabie saoudite en 2018.", "fr"), ["DEU>SAU:cancelled"]);
});

test("permits a government cancels stand for the transfer; what carries an item or what a part is for is no item", () => {
  const claims = article("In 2021, Canada cancelled export permits for drone technology to Turkey, including camera systems used on armed drones.");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.item.category}:${c.status}`), ["CAN>TUR:sensor:cancelled"]);
});

test("becoming a client with a purchase is a purchase, and 'client' does not set its stage", () => {
  const [c] = article("En 2021, la Grèce est devenue cliente du Rafale, avec l'achat de 18 avions.", "fr", "2021-06-01");
  assert.equal(c?.recipient, "GRC");
  assert.equal(c?.status, "ordered");
});

test("an English purchase is a sale that happened unless a contract or an approval says how far it went", () => {
  assert.equal(article("Beijing's purchase of S-400 systems from Russia was completed in 2018.")[0]?.status, "delivered");
  assert.equal(article("Poland signed a contract for the purchase of K2 tanks from South Korea in 2022.")[0]?.status, "ordered");
});

test("a seat set off before the verb is where something was said, not where the item goes", () => {
  const text = "La France va céder douze canons CAESAR à l'Ukraine\n\nLors d'une conférence de presse, mardi à Paris, le ministre des Armées a annoncé la cession de douze canons CAESAR.";
  const claims = extract({ id: "t", text, lang: "fr", published: "2023-01-31" }).transfers;
  assert.ok(claims.every((c) => c.recipient === "UKR"), JSON.stringify(claims.map((c) => c.recipient)));
  assert.ok(claims.some((c) => c.sources.length > 0), "the body's speaker is kept");
});

test("a state that hacks with spyware holds it; hacking with no state named implies no sale", () => {
  const pair = (text: string, lang = "en") => article(text, lang).map((c) => `${c.supplier}>${c.recipient}:${c.item.category}`);
  assert.deepEqual(pair("Moroccan authorities hacked the journalist's phone with the Pegasus spyware."), ["ISR>MAR:spyware"]);
  assert.deepEqual(pair("Les autorités du Maroc ont piraté le téléphone du journaliste avec le logiciel espion Pegasus.", "fr"), ["ISR>MAR:spyware"]);
  assert.deepEqual(pair("The Pegasus spyware targeted journalists in 2020."), []);
  assert.deepEqual(pair("NSO sells a phone-hacking tool called Pegasus."), []);
});

test("a monarchy named by its style ('the Gulf kingdom', 'le royaume') is the last such state named", () => {
  const pair = (text: string, lang = "en") => article(text, lang).map((c) => `${c.supplier}>${c.recipient}`);
  assert.deepEqual(pair("Israel and Saudi Arabia held talks in 2020. The Gulf kingdom later bought drones from Israel."), ["ISR>SAU"]);
  assert.deepEqual(pair("Israël a renforcé ses liens avec le Maroc en 2020. Le royaume a ensuite acheté des drones à Israël.", "fr"), ["ISR>MAR"]);
  assert.deepEqual(pair("Israel and Egypt held talks in 2020. The kingdom later bought drones from Israel."), []);
});

test("who reacts to a transfer is no party to it; a frame naming no party takes none from another paragraph", () => {
  assert.deepEqual(article("China condemned the sale of F-16 jets to Taiwan.").map((c) => c.supplier), ["USA"]);
  const claims = article("Norway ordered 54 Leopard 2A7 tanks from Germany in 2023.\n\nMoscow has dismissed the Western tank deliveries.");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.status}`), ["DEU>NOR:ordered"]);
});

test("a generic noun told with the deal folds into it when the deal's body shares its stance; 'to any country' names no one", () => {
  const text = "Morocco takes delivery of three Heron drones\n\nThree Heron drones have reportedly been delivered to Morocco. According to a French website, the sale of the three drones went through France.\n\nThe report said Israel Aerospace Industries built the aircraft and that Morocco took them over in January.";
  const claims = extract({ id: "t", text, lang: "en", published: "2020-02-04" }).transfers;
  assert.deepEqual(claims.map((c) => `${c.recipient}:${c.item.category}`), ["MAR:uav"]);
  assert.deepEqual(article("Haaretz noted that the firm had sold no aircraft to any African country in 2019."), []);
});

test("'the purchase was contracted in 2014' tells more of the deal just told: its time runs from the contract to the delivery", () => {
  const text = "Drones\n\nThree Heron drones built by Israel Aerospace Industries were delivered to Morocco in January 2020, a French website reports.\n\nThe purchase was contracted in 2014, the report says.";
  const claims = extract({ id: "t", text, lang: "en", published: "2020-02-02" }).transfers;
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]?.time, { from: "2014", to: "2020-01" });
  assert.equal(claims[0]?.status, "delivered");
});

test("a bare count after the trigger counts the article's system; a count with its own noun does not", () => {
  const text = "Bayraktar TB2 drones\n\nTurkey exported the Bayraktar TB2 to Azerbaijan in 2020. Qatar signed for six in March 2018. It could order 24 engines later.";
  const claims = extract({ id: "t", text, lang: "en", published: "2021-10-14" }).transfers;
  assert.equal(claims.find((c) => c.recipient === "QAT")?.quantity, 6);
  assert.ok(!claims.some((c) => c.quantity === 24), "24 engines are no 24 drones");
});

test("a sale contract signed with a company sells to the company's state; a future passive is still to come", () => {
  const text = "Chars\n\nL'Office fédéral de l'armement, Armasuisse, a signé en 2023 avec l'entreprise allemande Rheinmetall le contrat de vente de vingt-cinq chars Leopard 2A4. Ces chars seront rachetés par l'entreprise.";
  const claims = extract({ id: "t", text, lang: "fr", published: "2023-11-24" }).transfers;
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.status}:${c.quantity}`), ["CHE>DEU:ordered:25"]);
  assert.deepEqual(article("In 2010, 42 Leopard 2 tanks were sold to Rheinmetall by Switzerland.").map((c) => `${c.supplier}>${c.recipient}`), ["CHE>DEU"]);
});

test("a headline whose supplier is only the system's origin takes the supplier its body names", () => {
  const text = "Predator spyware went to Sudan, minister admits\n\nA Greek minister said the Predator spyware had been exported from Greece to Sudan.";
  const claims = extract({ id: "t", text, lang: "en", published: "2023-04-20" }).transfers;
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}`), ["GRC>SDN"]);
});

test("homographs and idioms of trigger words are no transfer ('les données', 'humanitarian aid', 'on the orders of')", () => {
  const eagle = article("La société française Amesys a vendu le système Eagle à la Libye en 2007. Selon elle, l'outil ne permettait pas de lire les données des satellites.", "fr");
  assert.deepEqual(eagle.map((c) => c.item.category), ["surveillance"]);
});

test("a quoted denial is its speaker's; a bare denial denies the claim about the party it names", () => {
  const quotedDenial = article('Turkey sold drones to Morocco in 2021.\n\n"The rumours circulating online that Turkey is supplying Ethiopia with drones are false," the Turkish embassy in Addis Ababa said.');
  assert.deepEqual(quotedDenial.find((c) => c.stance === "denied")?.sources, ["the Turkish embassy in Addis Ababa"]);
  const bare = article("Turkey sold drones to Morocco in 2021 and offered drones to Ethiopia in 2021.\n\nAnkara has rejected suggestions that it was arming the Ethiopian government.");
  assert.deepEqual(bare.filter((c) => c.stance === "denied").map((c) => c.recipient), ["ETH"]);
});

test("whom a speaker tells is no party; talks put on ice are a cancelled deal", () => {
  const claims = article("The UAE has put on ice its talks with Washington over F-35 stealth fighters.\n\nThe Emirati embassy said it had informed the United States that it would suspend discussions on acquiring the F-35.", "en", "2021-12-15");
  assert.ok(claims.length > 0 && claims.every((c) => c.supplier === "USA" && c.recipient === "ARE" && c.status === "cancelled"), JSON.stringify(claims.map((c) => [c.supplier, c.recipient, c.status])));
});

test("a count may stand across 'more' and an origin before its item ('18 more U.S.-made HIMARS')", () => {
  assert.equal(article("Taiwan plans to buy 18 more U.S.-made HIMARS rocket launchers from the United States.")[0]?.quantity, 18);
  assert.equal(article("In 2010, Morocco bought 3 trucks and then some Heron drones from Israel.").find((c) => c.item.category === "uav")?.quantity ?? null, null);
});

test("an indefinite article counts one only right before its item", () => {
  assert.equal(article("Selon Africa Intelligence, le Maroc aurait opté pour une production nationale de drones avec Israël.", "fr")[0]?.quantity ?? null, null);
  assert.equal(article("Israël a livré un drone Heron au Maroc.", "fr")[0]?.quantity, 1);
});

test("excluding a buyer from a programme cancels its purchase: the excluded state is the recipient", () => {
  assert.deepEqual(article("In 2019 Washington responded by excluding Turkey from the F-35 fighter programme.").map((c) => `${c.supplier}>${c.recipient}:${c.status}`), ["USA>TUR:cancelled"]);
  assert.deepEqual(article("En 2019, Washington a exclu la Turquie du programme F-35.", "fr").map((c) => `${c.supplier}>${c.recipient}:${c.status}`), ["USA>TUR:cancelled"]);
});

test("a day that dates what was said gives the deal its month, not the day", () => {
  const [c] = article("Defence Minister Jean Exemple said on Saturday that Poland would purchase 24 Bayraktar TB2 drones from Turkey.", "en", "2021-05-22");
  assert.deepEqual(c?.time, { from: "2021-05", to: "2021-05" });
  const [d] = article("Poland signed a contract for 24 Bayraktar TB2 drones from Turkey on Monday.", "en", "2021-05-25");
  assert.deepEqual(d?.time, { from: "2021-05-24", to: "2021-05-24" });
});

test("a day opening the sentence before its speaker dates the statement", () => {
  const [c] = article("On Tuesday, Haaretz revealed that Morocco had paid Israel Aerospace Industries $22 million for Harop drones so far this year.", "en", "2021-11-30");
  assert.notDeepEqual(c?.time, { from: "2021-11-30", to: "2021-11-30" });
});

test("a designation written in the plural is named in the catalog's singular", () => {
  assert.deepEqual(article("Greece received its first Rafales from France in 2021.").map((c) => c.item.name), ["Rafale"]);
  assert.deepEqual(article("Poland ordered 24 TB2s from Turkey in 2021.").map((c) => c.item.name), ["TB2"]);
});

test("what a buyer chose against, or what the item replaces, is not transferred", () => {
  const pairs = (text: string, lang = "en") => article(text, lang).map((c) => `${c.supplier}>${c.recipient}:${c.item.name}`);
  assert.deepEqual(pairs("Belgium chose to buy F-35 jets from the United States rather than French Rafales."), ["USA>BEL:F-35"]);
  assert.deepEqual(pairs("La Belgique a acheté des F-35 américains plutôt que des Rafale français.", "fr"), ["USA>BEL:F-35"]);
  assert.deepEqual(pairs("Poland bought K2 tanks from South Korea in 2022 to replace its T-72s."), ["KOR>POL:K2"]);
  assert.deepEqual(pairs("Norway is replacing them with 54 Leopard 2A7 tanks ordered from Germany."), ["DEU>NOR:Leopard 2A7"]);
  assert.deepEqual(pairs("Cheaper than the American Reaper, the Turkish TB2 was sold to Poland in 2021."), ["TUR>POL:TB2"]);
  assert.deepEqual(pairs("Moins cher que le Reaper américain, le TB2 turc a été vendu à la Pologne.", "fr"), ["TUR>POL:TB2"]);
});

test("'se fournir', 's'approvisionner' and 'se procurer' are purchases: the subject receives", () => {
  const [c] = article("Le Maroc s'est procuré des drones auprès d'Israël en 2020.", "fr", "2021-01-01");
  assert.equal(`${c?.supplier}>${c?.recipient}`, "ISR>MAR");
});

test("a 'bon de commande' or a purchase order is an order", () => {
  assert.equal(article("La Belgique a validé un bon de commande pour 442 blindés français.", "fr")[0]?.status, "ordered");
});

test("a transfer someone is kept from making is none", () => {
  assert.deepEqual(article("Washington imposed sanctions to prevent the group from acquiring weapons from abroad."), []);
  assert.deepEqual(article("Les sanctions visent à empêcher le groupe de se procurer des armes.", "fr"), []);
  assert.equal(article("Germany blocked the sale of tanks to Saudi Arabia in 2018.")[0]?.status, "cancelled");
});

test("a state right after an armed group that receives is where the group is, not a second recipient", () => {
  const pairs = article("L'Iran continue de livrer des drones aux milices houthies au Yémen.", "fr").map((c) => `${c.supplier}>${c.recipient}`);
  assert.deepEqual(pairs, ["IRN>nsa:Houthis"]);
});

test("a demonym after coordinated nouns names the origin of each", () => {
  const pairs = article("Le Mali a reçu des hélicoptères et avions russes en 2022.", "fr", "2023-01-01").map((c) => `${c.supplier}>${c.recipient}:${c.item.category}`);
  assert.deepEqual(pairs.sort(), ["RUS>MLI:aircraft", "RUS>MLI:helicopter"]);
});

test("a maker named right after one of several items made that one only", () => {
  const text = "Le Sénégal recevra des lanceurs Simbad-RC, ainsi que des missiles antinavires Marte Mk 2, conçus par la branche italienne du groupe.";
  const pairs = article(text, "fr").map((c) => `${c.supplier}>${c.recipient}:${c.item.category}`);
  assert.deepEqual(pairs.sort(), ["FRA>SEN:air-defence", "ITA>SEN:missile"]);
});

test("'then four more' after an order tells a second deal with the verb left out", () => {
  const deals = (text: string, lang = "en") => article(text, lang, "2023-01-31").map((c) => `${c.supplier}>${c.recipient}:${c.quantity}:${c.time?.from}`);
  assert.deepEqual(deals("Denmark ordered 15 CAESAR howitzers from France in 2017 and four more in 2019."), ["FRA>DNK:15:2017", "FRA>DNK:4:2019"]);
  assert.deepEqual(deals("Le Danemark avait commandé quinze canons CAESAR à Nexter en 2017, puis quatre de plus en 2019.", "fr"), ["FRA>DNK:15:2017", "FRA>DNK:4:2019"]);
  // ("… cédés par la Russie en 2017 et quatre autres offerts par la Biélorussie": the second has a giver of its own.)
  assert.deepEqual(deals("La Serbie a reçu six MiG-29 cédés par la Russie en 2017 et quatre autres offerts par la Biélorussie en 2019.", "fr"), ["RUS>SRB:6:2017", "BLR>SRB:4:2019"]);
  // Without "more", a second count is another item of the same order, not a second deal.
  const rules = article("Denmark ordered 15 CAESAR howitzers and four Piranha vehicles from France in 2017.", "en", "2023-01-31").flatMap((c) => c.rules);
  assert.ok(!rules.includes("frame/follow-on"));
});

test("'the country' opening a sentence goes on with the state the sentence before opened with", () => {
  const text = "À la mi-janvier, Copenhague a décidé de donner à l'Ukraine ses canons. Le pays avait commandé quinze canons CAESAR à la France en 2017.";
  const pairs = article(text, "fr", "2023-01-31").map((c) => `${c.supplier}>${c.recipient}`);
  assert.ok(pairs.includes("FRA>DNK"), pairs.join(" "));
});

test("a first batch still to come is part of the order it belongs to", () => {
  const text = "La Croatie a signé l'achat de douze Rafale à la France en novembre. Zagreb recevra un premier lot de six appareils en 2024.";
  const claims = article(text, "fr", "2021-12-01");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.quantity}:${c.status}`), ["FRA>HRV:12:ordered"]);
});

test("what people only expect or speculate a deal will be is no claim", () => {
  assert.deepEqual(article("Earlier expectations for a follow-on purchase by Saudi Arabia had centred on 72 more British jets."), []);
  assert.equal(article("Saudi Arabia bought 72 Typhoon jets from Britain in 2007.").length, 1);
});

test("counts of one system after its total break the total down; they are no further deals", () => {
  const claims = article("Greece ordered 18 Rafale jets from France in 2021, 12 used Rafale and six new Rafale.");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.quantity}`), ["FRA>GRC:18"]);
});

test("a designation ending in a letter and a full stop ends the sentence", () => {
  const text = "Le Mali a reçu de la Russie un hélicoptère d'attaque Mi-24P. Le Mali exploite aussi des Super Tucano.";
  assert.deepEqual(article(text, "fr").map((c) => c.item.name), ["Mi-24P"]);
});

test("'gave' is a gift of arms, not a speech, an interview or a statement", () => {
  assert.deepEqual(article("In 2022 Slovakia gave its S-300 air defence system to Ukraine.").map((c) => `${c.supplier}>${c.recipient}`), ["SVK>UKR"]);
  assert.deepEqual(article("The Polish defence minister gave an interview about tanks for Ukraine."), []);
});

test("a kind of party as the subject makes a clause generic, with no recipient carried to it", () => {
  const claims = article("Turkey ordered 40 F-16 jets from the United States in 2024. Buyers usually order missiles with such jets.");
  assert.deepEqual(claims.map((c) => c.item.category), ["aircraft"]);
});

test("what must happen 'before a deal is signed' has not happened", () => {
  const claims = article("The United States approved the sale of F-16 jets to Turkey in 2024. The jets are often delivered before a deal is signed.", "en", "2024-02-01");
  assert.deepEqual(claims.map((c) => c.status), ["offered"]);
});

test("'continued to send' is a delivery, not one still to come", () => {
  assert.equal(article("Russia continued to send arms to Mali last year.")[0]?.status, "delivered");
  assert.equal(article("La Russie a continué à livrer des armes au Mali l'an dernier.", "fr")[0]?.status, "delivered");
});

test("a designation the catalog writes in capitals is read only in capitals", () => {
  assert.deepEqual(article("Ukraine risked as much as 12 years of delays before receiving tanks from Poland.").map((c) => c.item.name), [null]);
});

test("an armed group's fighters are people, not jets", () => {
  assert.deepEqual(article("Officials insist they give no support to Nusra fighters or rebel fighters."), []);
  assert.deepEqual(article("Egypt bought 24 Rafale fighters from France in 2015.").map((c) => c.item.category), ["aircraft"]);
});

test("money paid with no weapon named is an arms deal only in a paragraph about arms", () => {
  assert.deepEqual(article("Mexico buys nearly $250 billion worth of goods from the United States every year."), []);
  assert.deepEqual(article("India paid Dassault Aviation 7.8 billion euros under a deal signed in 2016.").map((c) => `${c.supplier}>${c.recipient}:${c.item.category}`), ["FRA>IND:other"]);
});

test("a state that hacks without naming the tool used the spyware the document names", () => {
  const text = "Amnesty International tied the spyware found on Omar Radi's phone to NSO Group in June 2020. Amnesty said Morocco had spied on the journalist.";
  const claims = article(text, "en", "2020-06-30");
  assert.ok(claims.some((c) => c.supplier === "ISR" && c.recipient === "MAR" && c.item.category === "spyware"), JSON.stringify(claims.map((c) => c.evidence)));
});

test("'using tools from' a vendor names the supplier; 'until at least' closes a range", () => {
  const text = "Morocco hacked the phone of journalist Omar Radi with Pegasus spyware, Amnesty International said in June 2020. His phone was under surveillance from January 2019 until at least January 2020, using tools from the Israeli company NSO Group, Amnesty said.";
  const claims = article(text, "en", "2020-06-30");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.item.category}`), ["ISR>MAR:spyware"]);
  assert.equal(claims[0]!.time?.from, "2019-01");
});

test("a headline's denial told again in the body is one denial, named as the body names the denier", () => {
  const text = "Morocco rejects report that it spied on journalist\n\nMorocco's authorities have rejected a report by Amnesty International which said they had hacked a journalist's phone with Pegasus spyware.";
  const denials = article(text, "en", "2020-06-30").filter((c) => c.stance === "denied");
  assert.equal(denials.length, 1);
  assert.deepEqual(denials[0]!.sources, ["Morocco's authorities"]);
});

test("weapons documented or spotted somewhere have been delivered there; the imagery is no satellite", () => {
  const text = "Drones\n\nResearchers have documented five Chinese Wing Loong drones at an airbase in Libya, using satellite images taken in 2019.";
  assert.deepEqual(article(text, "en", "2020-01-15").map((c) => `${c.supplier}>${c.recipient}:${c.item.category}:${c.status}`), ["CHN>LBY:uav:delivered"]);
  // A finding told with "that" is a statement, not a sighting.
  const told = article("Researchers documented that China had delivered Wing Loong drones to Libya.", "en", "2020-01-15");
  assert.deepEqual(told.map((c) => c.sources), [["Researchers"]]);
});

test("a denier named with the state's body is named so", () => {
  const [c] = article("Drones\n\nThe Moroccan authorities denied that the country had received any drones from Israel.", "en", "2024-02-01");
  assert.deepEqual(c?.sources, ["Moroccan authorities"]);
});

test("a state said not to possess a vendor's spyware denies having it, told by whoever says so", () => {
  const text = "Espionnage\n\nUn haut responsable, qui a requis l'anonymat, est allé plus loin jeudi auprès de l'AFP : selon lui, le Maroc ne possède pas la technologie de NSO.";
  const claims = article(text, "fr", "2020-07-03");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}:${c.item.category}:${c.stance}`), ["ISR>MAR:spyware:denied"]);
  assert.deepEqual(claims[0]!.sources, ["Un haut responsable", "AFP"]);
});

test("the date of a denial dates only the denial", () => {
  const [c] = article("Drones\n\nThe Moroccan government said on Thursday that it had never bought spyware from NSO Group.", "en", "2020-07-03");
  assert.equal(c?.stance, "denied");
  assert.equal(c?.time, null);
});

test("a statement's day dates the deal only as of that month, and says so", () => {
  const [told] = article("Drones\n\nJane Roe said on Tuesday that Israel had delivered drones to Morocco.");
  assert.deepEqual(told!.time, { from: "2022-06", to: "2022-06" });
  assert.ok(told!.rules.includes(AS_OF_STATEMENT), told!.rules.join(" "));
  const [dated] = article("Drones\n\nIsrael delivered drones to Morocco in 2020, Jane Roe said on Tuesday.");
  assert.deepEqual(dated!.time, { from: "2020", to: "2020" });
  assert.ok(!dated!.rules.includes(AS_OF_STATEMENT), dated!.rules.join(" "));
});

test("'the defense company' refers back to the maker named before; 'the Italian company Leonardo' introduces a new one", () => {
  const [c] = article("Tanks\n\nHyundai Rotem won an order. The defense company will deliver 180 tanks to Poland.");
  assert.equal(c?.supplier, "KOR");
  assert.equal(c?.recipient, "POL");
  const ctx = createContext("Hyundai Rotem builds tanks. The Italian company Leonardo builds helicopters.", "en", null, null, defaultCatalog(), lexiconFor("en"));
  findMentions(ctx);
  assert.deepEqual(ctx.mentions.filter((m) => m.kind === "maker").map((m) => ctx.text.slice(m.start, m.end)), ["Hyundai Rotem", "Leonardo"]);
});

test("a clause on the terms of the deal just told ('Under the contract, …') tells more of that deal, batch words and all", () => {
  const claims = article("Tanks\n\nPoland signed a second contract for K2 tanks with Hyundai Rotem in August 2025. Under the contract, Poland will receive 180 tanks.", "en", "2025-09-01");
  assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.evidence)));
  assert.equal(claims[0]!.quantity, 180);
  assert.equal(claims[0]!.status, "ordered");
});

test("a full stop with the space lost after it ('contractor.Under') still ends the sentence", () => {
  const claims = article("Tanks\n\nPoland signed a contract for K2 tanks with Hyundai Rotem, the ministry said.Under the contract, Poland will receive 180 tanks.", "en", "2025-09-01");
  assert.deepEqual(claims.map((c) => c.evidence), ["Poland signed a contract for K2 tanks with Hyundai Rotem"]);
});

test("what a party already holds, in a relative clause, is no part of the transfer", () => {
  const [fr] = article("Su-30\n\nL'Algérie, qui dispose déjà de 44 Su-30MKA, a reçu huit nouveaux Su-30MKA de la Russie.", "fr", "2017-01-05");
  assert.equal(fr?.quantity, 8);
  const [en] = article("Su-30\n\nAlgeria, which already operates 44 Su-30MKA fighters, received eight Su-30MKA fighters from Russia.", "en", "2017-01-05");
  assert.equal(en?.quantity, 8);
});

test("a maker named in the clause makes only the kinds of systems its industry makes", () => {
  const claims = article("Armes\n\nL'Algérie a commandé en 2006 des avions de chasse Sukhoï et des chars T-90 à la Russie.", "fr", "2007-06-20");
  const maker = (category: string) => claims.find((c) => c.item.category === category)?.maker;
  assert.equal(maker("aircraft"), "Sukhoï");
  assert.equal(maker("armoured-vehicle"), null);
});

test("ending or terminating a contract cancels the deal; a state that used spyware to target someone got it", () => {
  const [ended] = article("Spyware\n\nParagon Solutions has terminated its contract with the Italian government.", "en", "2025-06-10");
  assert.equal(ended?.status, "cancelled");
  assert.equal(ended?.recipient, "ITA");
  const [fr] = article("Logiciel espion\n\nParagon Solutions a résilié son contrat avec l'Italie.", "fr", "2025-06-10");
  assert.equal(fr?.status, "cancelled");
  const [used] = article("Spyware\n\nItalian intelligence services used Graphite to target activists.", "en", "2025-06-10");
  assert.deepEqual([used?.supplier, used?.recipient, used?.item.name], ["ISR", "ITA", "Graphite"]);
});

test("the next sentence may name the supplier: 'Mali received helicopters. The shipment was supplied by Russia.'", () => {
  const claims = article("Mali\n\nLes autorités maliennes ont réceptionné deux hélicoptères de combat le 18 avril 2022. Ce lot de matériel militaire a été fourni par la Russie.", "fr", "2022-04-19");
  const helicopters = claims.find((c) => c.item.category === "helicopter");
  assert.deepEqual([helicopters?.supplier, helicopters?.recipient, helicopters?.quantity], ["RUS", "MLI", 2]);
});

test("'le pays' is the country the text is about, not a kind of buyer; deliveries on different days are different batches", () => {
  const text = "Mali\n\nLe Mali a reçu deux hélicoptères Mi-35P de la Russie le 31 décembre 2021. Le 30 mars 2022, le pays a réceptionné deux hélicoptères de combat livrés par la Russie.";
  const helicopters = article(text, "fr", "2022-04-19").filter((c) => c.item.category === "helicopter");
  assert.deepEqual(helicopters.map((c) => c.time?.from).sort(), ["2021-12-31", "2022-03-30"]);
});

test("words of make and type between a noun and its designation keep the count: 'deux hélicoptères de fabrication russe de type Mi-35P'", () => {
  const [c] = article("Mali\n\nLe Mali a reçu deux hélicoptères de fabrication russe de type Mi-35P.", "fr", "2022-04-19");
  assert.deepEqual([c?.item.name, c?.quantity], ["Mi-35P", 2]);
});

test("a feminine country after « en » is where a sale goes, in a list; a place in another clause adds no recipient", () => {
  const sold = article("Logiciel espion\n\nLes produits d'Intellexa étaient vendus en Suisse, en Autriche et au Qatar.", "fr", "2023-10-11");
  assert.deepEqual(sold.map((c) => c.recipient).sort(), ["AUT", "CHE", "QAT"]);
  const resold = article("Chars\n\nLa Suisse a revendu 25 chars Leopard 2 à l'Allemagne, à condition qu'ils ne soient pas envoyés en Ukraine.", "fr", "2023-11-23");
  assert.deepEqual(resold.filter((c) => c.stance !== "denied").map((c) => c.recipient), ["DEU"]);
});

test("demonyms coordinated after a plural state body are each a recipient: 'aux gouvernements malgache et égyptien'", () => {
  const claims = article("Logiciel espion\n\nIntellexa a vendu Predator aux gouvernements malgache et égyptien.", "fr", "2023-10-11");
  assert.deepEqual(claims.map((c) => c.recipient).sort(), ["EGY", "MDG"]);
});

test("parties offered as alternatives are a condition, no transfer", () => {
  assert.deepEqual(article("Sales\n\nFor sales to Japan, Australia, Israel, or New Zealand, the administration must notify Congress before it may conclude a sale of major defense equipment."), []);
  assert.deepEqual(article("Ventes\n\nLa France pourrait vendre des Rafale au Maroc ou à l'Algérie.", "fr").map((c) => c.recipient), []);
});

test("what an option covers is only offered; a letter of offer and acceptance is a contract", () => {
  const claims = article("Jets\n\nIsrael signed a contract to buy 14 F-35 jets from the United States, with an option for 17 more F-35 jets.", "en", "2015-02-22");
  assert.deepEqual(claims.map((c) => [c.quantity, c.status]).sort(), [[14, "ordered"], [17, "offered"]]);
  const [loa] = article("Jets\n\nTurkey signed a letter of offer and acceptance for the purchase of 40 F-16 Block 70 jets.", "en", "2024-06-14");
  assert.deepEqual([loa?.supplier, loa?.recipient, loa?.quantity, loa?.status], ["USA", "TUR", 40, "ordered"]);
});

test("a statement dated by a week dates the deal by its month", () => {
  const [c] = article("Jets\n\nJane Roe said last week that Turkey had signed a contract for 40 F-16 jets.", "en", "2024-06-14");
  assert.deepEqual(c?.time, { from: "2024-06", to: "2024-06" });
});

test("what a state wants or is eager to sell is a plan", () => {
  const [fr] = article("Avions\n\nLes États-Unis veulent vendre 35 F-15EX à l'Indonésie.", "fr", "2022-09-20");
  assert.equal(fr?.status, "negotiating");
  const [en] = article("Jets\n\nThe United States is eager to sell 35 F-15EX jets to Indonesia.", "en", "2022-09-20");
  assert.equal(en?.status, "negotiating");
});

test("the day a report came out dates no deal told in the next sentence", () => {
  const claims = article("Drones\n\nThe Example Times reported on Wednesday that Israel had approached Morocco. According to the Times, Israel sold drones to Morocco.", "en", "2022-03-23");
  assert.deepEqual(claims.map((c) => c.time), [null]);
});

test("a designation written as a word ('missiles Mica') counts with its cue; a purchase one is 'sur le point de' making is a plan", () => {
  const [c] = article("Missiles\n\nLe Maroc est sur le point d'acheter des missiles Mica à la France.", "fr", "2018-01-20");
  assert.deepEqual([c?.item.name, c?.status], ["Mica", "negotiating"]);
  const ctx = createContext("Le mica est un minéral, et Mica est un prénom.", "fr", null, null, defaultCatalog(), lexiconFor("fr"));
  findMentions(ctx);
  assert.deepEqual(ctx.mentions.filter((m) => m.kind === "system"), []);
});

test("verbs of sending: dispatched, airlifted; a fait parvenir, a dépêché, a convoyé", () => {
  for (const verb of ["dispatched", "airlifted"]) assert.equal(article(`Tanks\n\nGermany ${verb} Leopard 2 tanks to Ukraine.`, "en", "2023-04-01")[0]?.recipient, "UKR", verb);
  for (const verb of ["a fait parvenir", "a dépêché", "a convoyé"]) assert.equal(article(`Chars\n\nL'Allemagne ${verb} des chars Leopard 2 à l'Ukraine.`, "fr", "2023-04-01")[0]?.recipient, "UKR", verb);
});

test("stance words: 'understood to have', 'alleged to have' hedge a past deal; who dismissed reports that it sold denies; 'envisage de' plans", () => {
  const stage = (text: string, lang = "en") => article(`Drones\n\n${text}`, lang, "2023-03-01").map((c) => `${c.status}/${c.stance}`);
  assert.deepEqual(stage("Israel is understood to have sold drones to Morocco."), ["delivered/alleged"]);
  assert.deepEqual(stage("Israel is alleged to have sold drones to Morocco."), ["delivered/alleged"]);
  assert.deepEqual(stage("Israel dismissed reports that it sold drones to Morocco."), ["delivered/denied"]);
  assert.deepEqual(stage("Israël envisage de vendre des drones au Maroc.", "fr"), ["negotiating/asserted"]);
});

test("approvals: the go-ahead, signing off, granting export licences, donner son aval", () => {
  const status = (text: string, lang = "en") => article(`Approvals\n\n${text}`, lang, "2023-03-01").map((c) => `${c.supplier}>${c.recipient} ${c.status}`);
  assert.deepEqual(status("The US has given the go-ahead for the sale of F-16 jets to Turkey."), ["USA>TUR offered"]);
  assert.deepEqual(status("Berlin granted export licences for Leopard 2 tanks to Poland."), ["DEU>POL offered"]);
  assert.deepEqual(status("Berlin a accordé des licences d'exportation pour des chars Leopard 2 à la Pologne.", "fr"), ["DEU>POL offered"]);
});

test("a counted demonstrative noun is the system last named of its kind: 'six of these howitzers', 'une cinquantaine de ces systèmes'", () => {
  const en = article("Howitzers\n\nFrance has sent Ukraine 30 CAESAR howitzers. Denmark later gave Ukraine six of these howitzers.", "en", "2023-03-01");
  assert.deepEqual(en.map((c) => `${c.supplier} ${c.quantity} ${c.item.name}`), ["FRA 30 CAESAR", "DNK 6 CAESAR"]);
  const fr = article("Canons\n\nLa France a livré 18 canons CAESAR à l'Ukraine. Le Danemark a cédé à l'Ukraine une vingtaine de ces systèmes d'artillerie.", "fr", "2023-03-01");
  assert.deepEqual(fr.map((c) => `${c.supplier} ${c.quantity} ${c.item.name}`), ["FRA 18 CAESAR", "DNK 20 CAESAR"]);
});

test("targets end where a clause after them begins", () => {
  const [c] = article("Spyware\n\nPoland's anti-corruption bureau bought Pegasus from NSO Group for hacking phones in 2017, not long after Jane Roe met John Doe.", "en", "2022-01-04");
  assert.deepEqual(c?.targets, []);
  const [seedLike] = article("Logiciel espion\n\nLe Maroc aurait utilisé Pegasus pour cibler le journaliste Omar Radi.", "fr", "2020-06-22");
  assert.deepEqual(seedLike?.targets, ["Omar Radi"]);
});

test("a deal's purpose says who gives: 'signed a deal with Saudi Arabia to sell it drones'", () => {
  const [c] = article("Drones\n\nChina has signed a deal with Saudi Arabia to sell it armed drones.", "en", "2014-05-08");
  assert.deepEqual([c?.supplier, c?.recipient], ["CHN", "SAU"]);
  const [fr] = article("Chars\n\nLa Pologne a signé un accord avec la Corée du Sud pour acheter des chars.", "fr", "2022-08-01");
  assert.deepEqual([fr?.supplier, fr?.recipient], ["KOR", "POL"]);
});

test("a peace, trade or grain deal is no arms deal; the antecedent of ', which buys' is the buyer", () => {
  const parties = (text: string, lang = "en") => article(text, lang).map((c) => `${c.supplier}>${c.recipient}`);
  assert.deepEqual(parties("Deals\n\nAzerbaijan signed a peace agreement with Armenia, which buys arms from France."), ["FRA>ARM"]);
  assert.deepEqual(parties("Accords\n\nL'Azerbaïdjan a signé un accord de paix avec l'Arménie, qui achète des armes à la France.", "fr"), ["FRA>ARM"]);
  assert.deepEqual(parties("Deals\n\nRussia and Ukraine signed a grain deal in Istanbul."), []);
});

test("a place that locates an organisation ('the Paris-based nonprofit') is no party; 'used Pegasus to infiltrate' wields it", () => {
  assert.deepEqual(article("Spyware\n\nThe list was obtained by the Paris-based nonprofit Forbidden Stories, which shared it with NSO Group.", "en", "2021-07-19"), []);
  const claims = article("Spyware\n\nHungary and Morocco had used Pegasus to infiltrate phones.", "en", "2021-07-19");
  assert.deepEqual(claims.map((c) => c.recipient).sort(), ["HUN", "MAR"]);
});

test("a cancellation demanded is none yet", () => {
  const [c] = article("Weapons\n\nChina demanded that the United States cancel plans to sell anti-tank missiles to Taiwan.", "en", "2000-06-01");
  assert.equal(c?.status, "negotiating");
  const [fr] = article("Armes\n\nPékin a exigé que Washington annule la vente de missiles antichars à Taïwan.", "fr", "2000-06-01");
  assert.notEqual(fr?.status, "cancelled");
});

test("a delivery told before a marker of what is to come stands: 'delivered the first batch, after inking a deal to supply them'", () => {
  const [c] = article("Missiles\n\nIndia delivered the first batch of BrahMos missiles to the Philippines, two years after inking a $375 million deal to supply them.", "en", "2024-04-19");
  assert.equal(c?.status, "delivered");
  const [will] = article("Missiles\n\nIndia is set to deliver BrahMos missiles to the Philippines.", "en", "2024-01-19");
  assert.equal(will?.status, "offered");
});

test("a definite noun right after a transfer verb is the system last named of its kind, named with that noun", () => {
  const claims = article("Drones\n\nKenya has acquired Bayraktar TB2 drones from Turkey. Baykar has sold the drone to Poland and Ukraine.", "en", "2023-06-01");
  assert.deepEqual(claims.map((c) => `${c.recipient} ${c.item.name}`).sort(), ["KEN Bayraktar TB2", "POL Bayraktar TB2", "UKR Bayraktar TB2"]);
  const kinds = article("Tanks\n\nGermany sent 18 Leopard 2A6 tanks and 40 Marder infantry fighting vehicles to Ukraine. Poland also sent the tanks to Ukraine.", "en", "2023-04-01");
  assert.equal(kinds.find((c) => c.supplier === "POL")?.item.name, "Leopard 2A6");
});

test("who funds a delivery neither gives nor receives it: 'which funded the delivery of', 'Norwegian-funded'", () => {
  const cases = [
    article("Phones\n\nThe Norwegian government, which funded the delivery of Cellebrite devices to Serbia, expressed concern.", "en", "2024-12-17"),
    article("Phones\n\nNorwegian-funded Cellebrite devices were delivered to Serbia.", "en", "2024-12-17"),
    article("Téléphones\n\nLa Norvège, qui a financé la livraison d'appareils Cellebrite à la Serbie, s'est dite préoccupée.", "fr", "2024-12-17"),
  ];
  for (const claims of cases) assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}`), ["ISR>SRB"]);
});

test("refusing to do something other than a transfer cancels nothing; refusing to let a sale happen does", () => {
  const [disclosed] = article("Drones\n\nIsrael Aerospace Industries refused to disclose how many Heron drones it had sold to Morocco.", "en", "2021-03-01");
  assert.equal(disclosed?.status, "delivered");
  const [revealed] = article("Avions\n\nDassault Aviation a refusé de révéler le montant du contrat de 12 Rafale signé avec la Serbie.", "fr", "2024-08-30");
  assert.equal(revealed?.status, "ordered");
  const [blocked] = article("Spyware\n\nIsrael refused to let NSO Group sell Pegasus to Ukraine.", "en", "2022-03-24");
  assert.equal(blocked?.status, "cancelled");
});

test("a conditional in what a reporting verb in the past reports is the future of then, not a hedge", () => {
  const [c] = article("Avions\n\nEmmanuel Macron a annoncé jeudi que la Serbie achèterait 12 Rafale à la France.", "fr", "2024-08-30");
  assert.equal(c?.stance, "asserted");
  assert.notEqual(c?.status, "delivered");
  const [hedged] = article("Avions\n\nLa Serbie aurait acheté 12 Rafale à la France.", "fr", "2024-08-30");
  assert.equal(hedged?.stance, "alleged");
});

test("in a list of recipients, a count before each is its share, never a breakdown of another's; a seller's tally is no transfer", () => {
  const shares = article("Jets\n\nDassault has sold Rafale jets abroad: 80 to the United Arab Emirates, 36 to India, 36 to Qatar and 12 to Croatia.", "en", "2024-09-01");
  assert.deepEqual(shares.map((c) => `${c.recipient} ${c.quantity}`).sort(), ["ARE 80", "HRV 12", "IND 36", "QAT 36"]);
  const parts = article("Avions\n\nDes Rafale ont été vendus à l'étranger : 36 pour l'Inde, 36 pour le Qatar et 12 pour la Croatie.", "fr", "2024-09-01");
  assert.deepEqual(parts.map((c) => `${c.recipient} ${c.quantity}`).sort(), ["HRV 12", "IND 36", "QAT 36"]);
  const tally = article("Jets\n\nSerbia ordered 12 Rafale jets from France. With this sale, Dassault has now sold a total of 507 Rafales.", "en", "2024-09-01");
  assert.deepEqual(tally.map((c) => `${c.recipient} ${c.quantity}`), ["SRB 12"]);
});

test("a person's full name in the catalog holds no system name ('Baykar CEO Haluk Bayraktar'); a trigger's last preposition opening a date belongs to the date", () => {
  const claims = article("Drones\n\nBaykar chief executive Haluk Bayraktar said the company had signed a contract to export Akinci drones to Saudi Arabia.", "en", "2023-07-19");
  assert.deepEqual(claims.map((c) => c.item.name), ["Akinci"]);
  const [agreed] = article("Drones\n\nSaudi Arabia agreed on Tuesday to buy Turkish drones under the largest export contract in Turkey's history.", "en", "2023-07-19");
  assert.equal(agreed?.status, "ordered");
});

test("an anchored time in the next sentence counts from the time told before it in the paragraph", () => {
  const [c] = article("Spyware\n\nCitizen Lab published a report on hacking in Jordan in 2022. A year earlier, Axios reported on negotiations between Jordan's government and NSO Group over Pegasus.", "en", "2024-02-02");
  assert.deepEqual(c?.time, { from: "2021", to: "2021" });
});

test("'between A and B' names a deal's two parties, the maker selling; a possessive naming the state's own body is that state", () => {
  const [talks] = article("Spyware\n\nAxios reported on negotiations between Jordan's government and NSO Group over Pegasus.", "en", "2024-02-02");
  assert.equal(`${talks?.supplier}>${talks?.recipient} ${talks?.status}`, "ISR>JOR negotiating");
  const [signed] = article("Avions\n\nUn contrat a été signé entre Dassault Aviation et la Serbie pour 12 Rafale.", "fr", "2024-08-30");
  assert.equal(`${signed?.supplier}>${signed?.recipient} ${signed?.status}`, "FRA>SRB ordered");
});

test("hacking only wished or supposed ('would be interested in hacking') says nothing of a tool held", () => {
  const claims = article("Spyware\n\nPegasus spyware made by NSO Group was used in Morocco to hack the phones of 30 people. Jane Roe said in an interview that it was difficult to imagine who other than Morocco's government would be interested in hacking those who were targeted.", "en", "2024-02-02");
  assert.deepEqual(claims.map((c) => c.sources), [[]]);
});

test("'we' handing something over is the state of whoever speaks, named beside the speaker", () => {
  const en = article('Tanks\n\n"We will send Leopard 2A6 tanks to Ukraine," Portuguese Prime Minister Antonio Costa said.', "en", "2023-02-08");
  assert.deepEqual(en.map((c) => `${c.supplier}>${c.recipient}`), ["PRT>UKR"]);
  const fr = article("Chars\n\n« Nous allons livrer des chars Leopard 2A6 à l'Ukraine », a déclaré le Premier ministre portugais Antonio Costa.", "fr", "2023-02-08");
  assert.deepEqual(fr.map((c) => `${c.supplier}>${c.recipient} ${c.status}`), ["PRT>UKR offered"]);
  const said = article("Tanks\n\nGermany will send Leopard 2A6 tanks to Ukraine, we were told by Jane Roe.", "en", "2023-02-08");
  assert.deepEqual(said.map((c) => `${c.supplier}>${c.recipient}`), ["DEU>UKR"]);
});

test("the price of one ('200 millions d'euros chacun', 'apiece', 'per unit') is no deal's value", () => {
  const [fr] = article("Avions\n\nLa Serbie a acheté 12 Rafale à la France, pour 200 millions d'euros chacun.", "fr", "2024-09-01");
  assert.equal(fr?.value, null);
  const [en] = article("Jets\n\nSerbia bought 12 Rafale jets from France for 2.7 billion euros, or about 225 million euros per unit.", "en", "2024-09-01");
  assert.deepEqual(en?.value, { amount: 2_700_000_000, currency: "EUR" });
  const [apiece] = article("Jets\n\nSerbia bought 12 Rafale jets from France at 200 million euros apiece.", "en", "2024-09-01");
  assert.equal(apiece?.value, null);
});

test("a sale notified to Congress, « notifiée », is cleared, not done", () => {
  const [c] = article("Hélicoptères\n\nLa vente de 36 hélicoptères Apache au Maroc a été notifiée au Congrès par le département d'État.", "fr", "2019-11-20");
  assert.equal(`${c?.supplier}>${c?.recipient} ${c?.status}`, "USA>MAR offered");
});

test("a delivery noun that a prospective verb follows is to come; 'to' after it is no such verb", () => {
  const [fr] = article("Hélicoptères\n\nLes premières livraisons d'hélicoptères Apache au Maroc devraient avoir lieu en 2024.", "fr", "2023-11-15");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "USA>MAR offered");
  const [sale] = article("Spyware\n\nThe ministry issued two licences to Intellexa for the sale of Predator to Madagascar.", "en", "2023-01-15");
  assert.notEqual(sale?.status, "offered");
});

test("a French gerund of a transfer verb is a trigger: 'en acquérant', 'en livrant'", () => {
  const [c] = article("Hélicoptères\n\nLes Forces royales air marocaines se renforcent en acquérant des hélicoptères Apache auprès de Boeing.", "fr", "2023-11-15");
  assert.equal(`${c?.supplier}>${c?.recipient}`, "USA>MAR");
});

test("a seller's clearance of a named buyer ('cleared Poland to buy', 'approved Poland's purchase') offers; the buyer's own approval orders", () => {
  const cleared = article("Patriot\n\nWashington has cleared Poland to buy Patriot air and missile defence equipment.", "en", "2023-06-29");
  assert.deepEqual(cleared.map((c) => `${c.supplier}>${c.recipient} ${c.status}`), ["USA>POL offered"]);
  const possessed = article("Patriot\n\nWashington approved Poland's purchase of Patriot air defence systems.", "en", "2023-06-29");
  assert.deepEqual(possessed.map((c) => `${c.supplier}>${c.recipient} ${c.status}`), ["USA>POL offered"]);
  const own = article("Tanks\n\nThe Polish government approved the purchase of 116 Abrams tanks from the United States.", "en", "2023-01-05");
  assert.deepEqual(own.map((c) => `${c.supplier}>${c.recipient} ${c.status}`), ["USA>POL ordered"]);
});

test("bodies of one government are one origin: what the Pentagon and its agency say of one deal folds into one claim", () => {
  const claims = article("Patriot\n\nWashington has cleared Poland to buy up to $15 billion of Patriot equipment, the Pentagon said. The Defense Security Cooperation Agency said the package includes 48 Patriot launchers.", "en", "2023-06-29");
  assert.equal(claims.filter((c) => c.item.name === "Patriot").length, 1);
});

test("items said to be in a state have arrived there, from whoever owned them; 'are in' before no state is nothing", () => {
  const norway = article("Tanks\n\nNorway's eight Leopard 2A4 tanks are also in Ukraine.", "en", "2023-04-20");
  assert.deepEqual(norway.map((c) => `${c.supplier}>${c.recipient} ${c.quantity} ${c.status}`), ["NOR>UKR 8 delivered"]);
  assert.deepEqual(article("Tanks\n\nThe Leopard 2A4 tanks are in good condition, Norway said.", "en", "2023-04-20"), []);
  const [fr] = article("Chars\n\nLes chars Leopard polonais sont déjà en Ukraine.", "fr", "2023-02-24");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "POL>UKR delivered");
  const [own] = article("Jets\n\nIsrael's first two F-35 jets will arrive by the end of 2016.", "en", "2015-06-01");
  assert.equal(own?.recipient, "ISR");
});

test("a state named with a body of its own ('New Delhi's defence ministry', 'a spokesperson for India's defence ministry') is one government's voice", () => {
  const claims = article("Jets\n\nIndia has signed a contract to purchase 26 Rafale jets from France, New Delhi's defence ministry said. \"We have signed the deal for 26 Rafale jets,\" a spokesperson for India's defence ministry told AFP.", "en", "2025-04-28");
  assert.equal(claims.length, 1);
});

test("French names of one government's bodies ('le ministère algérien de la Défense', 'le gouvernement algérien') are one voice", () => {
  const claims = article("Avions\n\nL'Algérie a signé un contrat pour 14 Su-57 russes, a indiqué le ministère algérien de la Défense. Selon le gouvernement algérien, la Russie livrera les 14 Su-57 à l'Algérie.", "fr", "2025-03-03");
  assert.equal(claims.length, 1);
});

test("an order 'from an unnamed customer' names no buyer, and none is carried from before", () => {
  const fr = article("Avions\n\nL'Algérie a commandé des Su-57 à la Russie. Rosoboronexport avait annoncé une première commande de Su-57 en provenance d'un client anonyme.", "fr", "2025-03-03");
  assert.deepEqual(fr.map((c) => c.sources), [[]]);
  const en = article("Jets\n\nAlgeria ordered Su-57 jets from Russia. Rosoboronexport had announced a first export order for the Su-57 from an unnamed customer.", "en", "2025-03-03");
  assert.deepEqual(en.map((c) => c.sources), [[]]);
});

test("two items of one clause, each after its own trigger, are told each by its trigger and its dates", () => {
  const en = article("Deals\n\nTurkey took delivery of the Russian S-400 system in 2019 and was expelled from the F-35 programme.", "en", "2023-01-10");
  assert.deepEqual(en.map((c) => `${c.supplier}>${c.recipient} ${c.item.name} ${c.status} ${c.time?.from ?? "-"}`).sort(), ["RUS>TUR S-400 delivered 2019", "USA>TUR F-35 cancelled -"]);
  const fr = article("Achats\n\nLa Grèce a reçu ses premiers Rafale en 2021 et a commandé trois frégates FDI en 2022.", "fr", "2023-01-10");
  assert.deepEqual(fr.map((c) => `${c.item.name} ${c.status} ${c.time?.from}`).sort(), ["FDI ordered 2022", "Rafale delivered 2021"]);
  // One trigger over both items: they share its stage and date.
  const shared = article("Orders\n\nPoland ordered 250 Abrams tanks and 96 Apache helicopters in 2022.", "en", "2023-01-10");
  assert.deepEqual(shared.map((c) => `${c.item.name} ${c.status} ${c.time?.from}`).sort(), ["Abrams ordered 2022", "Apache ordered 2022"]);
});

test("a deal whose last sentence cancels it is cancelled, whichever of that sentence's clauses comes last", () => {
  const [claim] = article("Submarines\n\nIn 2021 Australia cancelled the 12 Attack-class submarines that it had ordered from France in 2016, the largest arms purchase in its history.", "en", "2022-01-10");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status}`, "FRA>AUS cancelled");
});

test("a relative clause right after an item tells of that item, up to a conjunction before another trigger", () => {
  const claims = article("Jets\n\nCanada dropped the Gripen jets that Sweden had offered in 2020 and ordered 88 F-35 fighters in 2023.", "en", "2024-04-20");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.item.name} ${c.status} ${c.time?.from}`).sort(), ["SWE>CAN Gripen cancelled 2020", "USA>CAN F-35 ordered 2023"]);
});

/** The persons the mention finder sees in a text. */
const persons = (text: string, lang: string) => {
  const ctx = createContext(text, lang, null, null, defaultCatalog(), lexiconFor(lang));
  findMentions(ctx);
  return ctx.mentions.filter((m) => m.kind === "person").map((m) => m.label);
};

test("a capitalised run going on into a word of organisations or places, or into a weapon's name, is no person", () => {
  assert.deepEqual(persons("Jane Roe of Johns Hopkins University said ships crossed the Red Sea on the way to the Pacific Ocean.", "en"), ["Jane Roe"]);
  assert.deepEqual(persons("The firm will supply its Shore Based Anti-Ship Missile System, Jane Roe said.", "en"), ["Jane Roe"]);
  assert.deepEqual(persons("Exemplar Aerospace and Example Dynamics Limited signed, Jane Roe said.", "en"), ["Jane Roe"]);
  assert.deepEqual(persons("Selon le Forum Défense Exemple, Jean Dupont a confirmé la vente.", "fr"), ["Jean Dupont"]);
});

test("a transfer asked for ('avaient préconisé que la livraison … soit étudiée', 'urged … to approve the sale') is at most under discussion", () => {
  const [fr] = article("Canons\n\nDes sénateurs avaient préconisé que la livraison de canons CAESAR à l'Arménie soit étudiée.", "fr", "2024-06-18");
  assert.equal(fr?.status, "negotiating");
  const [en] = article("Jets\n\nSenators urged the administration to approve the sale of F-16 jets to Turkey.", "en", "2023-01-10");
  assert.equal(en?.status, "negotiating");
});

test("'de quoi équiper', 'enough to equip': equipping as a purpose is no transfer", () => {
  const fr = article("Canons\n\nL'Arménie a commandé des canons CAESAR à la France. Le montant est conséquent : 36 canons, de quoi équiper deux régiments d'artillerie.", "fr", "2024-06-18");
  assert.deepEqual(fr.map((c) => c.status), ["ordered"]);
  const en = article("Guns\n\nArmenia ordered CAESAR howitzers from France. The sum is large: 36 howitzers, enough to equip two artillery regiments.", "en", "2024-06-18");
  assert.deepEqual(en.map((c) => c.status), ["ordered"]);
});

test("of makers of several states developing a system jointly, the one of the system's own state supplies", () => {
  const [claim] = article("Missiles\n\nThe Philippines signed a deal to buy BrahMos missiles, which are developed jointly by India's DRDO and Russia's NPO Mashinostroyeniya.", "en", "2022-01-28");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "IND>PHL");
});

test("a conditional auxiliary after a past report and « que » ('qu'ils seraient livrés') is the future of then: what was bought is ordered", () => {
  const [claim] = article("Canons\n\nLe 18 juin, Le Figaro a rapporté que l'Arménie avait acheté 36 CAESAR français et qu'ils seraient livrés dans les 15 mois.", "fr", "2024-06-26");
  assert.equal(`${claim?.status} ${claim?.stance}`, "ordered asserted");
});

test("a range of unit prices, and one with its conversion in brackets, is no deal value", () => {
  const [fr] = article("Canons\n\nKiev a acheté six canons CAESAR français pour 3 à 4 millions d'euros (3,3 à 4,4 millions de dollars) chacun.", "fr", "2024-06-26");
  assert.equal(fr?.value, null);
  const [en] = article("Jets\n\nPoland bought F-35 jets from the United States for $80 million to $90 million each.", "en", "2024-06-26");
  assert.equal(en?.value, null);
});

test("recipients in bracketed lists, each after a noun for countries, are all recipients", () => {
  const claims = article("Spyware\n\nThe firm Intellexa is believed to have sold Predator to two European nations (Germany and Austria) and two Gulf countries (Oman and Qatar).", "en", "2023-10-20");
  assert.deepEqual(claims.map((c) => c.recipient).sort(), ["AUT", "DEU", "OMN", "QAT"]);
});

test("an elaboration lists the items of the deal before it: 'aircraft including Iranian-made drones' after a sale of air defence is none", () => {
  const claims = article("Air defence\n\nGermany has sent two IRIS-T units to Ukraine. Ukraine has deployed the units to shoot down aircraft including Iranian-made Shahed drones.", "en", "2023-06-14");
  assert.deepEqual(claims.map((c) => c.item.category), ["air-defence"]);
});

test("'un contrat de fourniture de 30 Rafale': a deal noun naming the delivery it is for has ordered, not delivered", () => {
  const [claim] = article("Rafale\n\nDassault Aviation a signé un contrat de fourniture de 30 avions Rafale à l'Égypte.", "fr", "2021-05-04");
  assert.equal(claim?.status, "ordered");
});

test("a party or a report after 'after' / « après » only dates the clause ('trois mois après l'Égypte', 'après la révélation … par Disclose')", () => {
  const claims = article("Rafale\n\nEn 2015, trois mois après l'Égypte, le Qatar commandait à son tour 24 Rafale.", "fr", "2021-05-04");
  assert.deepEqual(claims.map((c) => c.recipient), ["QAT"]);
  const [told] = article("Rafale\n\n« L'Égypte a signé un contrat pour 30 avions Rafale », a déclaré le communiqué égyptien, quelques heures après la révélation de ce contrat par le site Disclose.", "fr", "2021-05-04");
  assert.deepEqual(told?.sources, ["le communiqué égyptien"]);
});

test("a comma and a conjunction between two names of a list ('Denmark, Israel, and Singapore') go on with the list", () => {
  const claims = article("Spyware\n\nThe report alleges that Australia, Canada, Denmark, and Singapore are likely clients of Paragon's Graphite spyware.", "en", "2025-03-20");
  assert.deepEqual(claims.map((c) => c.recipient).sort(), ["AUS", "CAN", "DNK", "SGP"]);
});

test("whom a contract for a delivery is signed with is its other party, and the system's origin says who sells", () => {
  const before = article("Rafale\n\nL'Égypte a signé avec la France un contrat de fourniture de 30 avions Rafale.", "fr", "2021-05-04");
  assert.deepEqual(before.map((c) => `${c.supplier}>${c.recipient}`), ["FRA>EGY"]);
  const after = article("Rafale\n\nLe Caire a signé un contrat de fourniture de 30 avions Rafale avec Paris.", "fr", "2021-05-04");
  assert.deepEqual(after.map((c) => `${c.supplier}>${c.recipient}`), ["FRA>EGY"]);
});

test("becoming a customer of an item ('became the tenth customer of the CAESAR', « est devenue le dixième client du ») is ordering it", () => {
  const [en] = article("Guns\n\nArmenia became the tenth customer of the CAESAR howitzer in 2024.", "en", "2024-09-20");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.status}`, "FRA>ARM ordered");
  const [fr] = article("Canons\n\nL'Arménie est devenue en juin le dixième client du canon CAESAR.", "fr", "2024-06-20");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "FRA>ARM ordered");
});

test("a purchase or sale said to be signed ('the purchase, signed in January 2021', « la vente, signée ») is ordered", () => {
  const [en] = article("Rafale\n\nSigned in January 2021, Greece's purchase of 18 Rafale jets was its first in two decades.", "en", "2021-06-01");
  assert.equal(`${en?.recipient} ${en?.status}`, "GRC ordered");
  const [fr] = article("Rafale\n\nLa vente de 18 Rafale à la Grèce, signée en janvier 2021, a surpris.", "fr", "2021-06-01");
  assert.equal(`${fr?.recipient} ${fr?.status}`, "GRC ordered");
});

test("a count of unit nouns later in the clause ('comprises 18 units', « porte sur 18 exemplaires ») counts its only item", () => {
  const [en] = article("Rafale\n\nGreece's Rafale order of January 2021 comprises 18 units.", "en", "2021-06-01");
  assert.equal(en?.quantity, 18);
  const [fr] = article("Rafale\n\nLa commande grecque de Rafale signée en janvier 2021 porte sur 18 exemplaires.", "fr", "2021-06-01");
  assert.equal(fr?.quantity, 18);
});

test("an order only expected ('is expected to order', « devrait commander ») is under negotiation; one told before stays ordered", () => {
  const [en] = article("Rafale\n\nSerbia is expected to order 12 Rafale jets.", "en", "2024-04-10");
  assert.equal(`${en?.recipient} ${en?.status}`, "SRB negotiating");
  const [fr] = article("Rafale\n\nLa Serbie devrait commander douze Rafale.", "fr", "2024-04-10");
  assert.equal(`${fr?.recipient} ${fr?.status}`, "SRB negotiating");
  const [signed] = article("Rafale\n\nSerbia ordered 12 Rafale jets in August 2024, and deliveries are expected to begin in 2028.", "en", "2024-09-10");
  assert.equal(`${signed?.recipient} ${signed?.status}`, "SRB ordered");
});

test("a French verb of the clause in the conditional (« figureraient parmi », « seraient parvenus ») hedges it; the future of a reported « que » does not", () => {
  const claims = article("Défense\n\nSelon l'agence, l'Italie et la République tchèque figureraient parmi les pays européens ayant transféré à Kiev des munitions.", "fr", "2024-09-20");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.stance}`).sort(), ["CZE>UKR alleged", "ITA>UKR alleged"]);
  const [future] = article("Défense\n\nLa France a annoncé qu'elle livrerait douze canons CAESAR à l'Ukraine.", "fr", "2024-09-20");
  assert.equal(`${future?.recipient} ${future?.stance}`, "UKR asserted");
});

test("users of something that is no item ('utilisateurs de WhatsApp') use nothing sent; clients of a vendor do", () => {
  assert.equal(article("Logiciel espion\n\nPlusieurs dizaines d'utilisateurs de WhatsApp, dont au moins sept en Italie, ont été visés par Graphite, le logiciel espion de la société israélienne Paragon Solutions.", "fr", "2025-02-06").length, 0);
  assert.equal(article("Spyware\n\nMorocco is a client of NSO Group.", "en", "2025-02-06")[0]?.recipient, "MAR");
});

test("a vendor bought ('Francisco Partners bought NSO Group', « Paragon a été rachetée par le fonds… ») is a company changing hands", () => {
  assert.equal(article("Spyware\n\nThe US fund Francisco Partners bought NSO Group in 2014.", "en", "2025-02-06").length, 0);
  assert.equal(article("Logiciel espion\n\nParagon a été rachetée en décembre par le fonds d'investissement américain AE Industrial Partners.", "fr", "2025-02-06").length, 0);
  assert.equal(article("Spyware\n\nMorocco bought spyware from NSO Group.", "en", "2025-02-06")[0]?.recipient, "MAR");
});

test("a vendor named after a generic noun (« ce logiciel de NSO Group ») says which product it is, not the article's topic", () => {
  const text = "Logiciel espion Graphite\n\nGraphite est vendu par Paragon.\n\nEn 2021, Forbidden Stories avait révélé que le Maroc aurait utilisé ce logiciel de NSO Group pour cibler des journalistes.";
  const t = article(text, "fr", "2025-02-06").find((c) => c.recipient === "MAR");
  assert.equal(`${t?.item.category} ${t?.maker}`, "spyware NSO Group");
  assert.notEqual(t?.item.name, "Graphite");
});

test("a vendor selling only to « démocraties » names no customer", () => {
  const claims = article("Logiciel espion\n\nL'Italie serait cliente de Paragon. L'entreprise, qui affirme ne vendre ses outils qu'à des « démocraties », n'a pas confirmé l'identité de ses clients.", "fr", "2025-02-06");
  assert.deepEqual(claims.map((c) => `${c.recipient} ${c.stance}`), ["ITA alleged"]);
});

test("an article before an ordinal ('a fourth IRIS-T system', « une deuxième batterie ») counts one", () => {
  const [en] = article("Defence\n\nGermany has delivered a fourth IRIS-T SLM air defence system to Ukraine.", "en", "2024-03-08");
  assert.equal(`${en?.recipient} ${en?.quantity}`, "UKR 1");
  const [fr] = article("Défense\n\nL'Italie a annoncé qu'elle enverrait une deuxième batterie SAMP/T à l'Ukraine.", "fr", "2025-02-06");
  assert.equal(`${fr?.recipient} ${fr?.quantity} ${fr?.status}`, "UKR 1 offered");
});

test("a title that would refer back names the person set off after it (« a annoncé le ministre des Armées, Sébastien Lecornu »)", () => {
  const [t] = article("Défense\n\nLes premiers Mirage 2000-5F cédés par la France sont arrivés en Ukraine, a annoncé jeudi le ministre des Armées, Sébastien Lecornu.", "fr", "2025-02-06");
  assert.deepEqual(t?.sources, ["Sébastien Lecornu"]);
});

test("a hand-over to come whose purchase is itself to come (« dont l'achat sera financé ») is offered, not ordered", () => {
  const [t] = article("Ukraine\n\nParis a annoncé l'envoi prochain de nouveaux canons Caesar à l'Ukraine, dont l'achat sera financé grâce aux intérêts des avoirs russes gelés.", "fr", "2025-02-06");
  assert.equal(`${t?.recipient} ${t?.status}`, "UKR offered");
});

test("French verbs of giving are read in the conditional, future and imperfect (« enverrait », « céderaient », « donnera »)", () => {
  for (const verb of ["enverrait", "céderaient", "donnera", "transférera", "remettra"]) {
    const [t] = article(`Défense\n\nL'Italie a annoncé qu'elle ${verb} une batterie SAMP/T à l'Ukraine.`, "fr", "2025-02-06");
    assert.equal(`${t?.supplier}>${t?.recipient}`, "ITA>UKR", verb);
  }
});

test("a party in talks to give ('is in talks to sell', « serait en discussion pour céder », « négocie pour céder ») is the supplier", () => {
  const [en] = article("Defence\n\nAthens is in talks to sell its Mirage 2000-5 jets to Kyiv.", "en", "2024-07-26");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.status}`, "GRC>UKR negotiating");
  const [fr] = article("Défense\n\nAthènes serait en discussion pour céder à Kiev ses Mirage 2000-5.", "fr", "2024-07-26");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "GRC>UKR negotiating");
  const [buy] = article("Défense\n\nLa Serbie négocie pour acheter douze Rafale à la France.", "fr", "2024-07-26");
  assert.equal(`${buy?.supplier}>${buy?.recipient} ${buy?.status}`, "FRA>SRB negotiating");
});

test("a name spelled out before its short form in brackets goes by the short form ('Terminal High Altitude Area Defense (THAAD)')", () => {
  const [t] = article("Defence\n\nIn November 2018, Riyadh signed for seven Terminal High Altitude Area Defense (THAAD) batteries.", "en", "2024-10-16");
  assert.equal(`${t?.recipient} ${t?.item.name} ${t?.quantity}`, "SAU THAAD 7");
});

test("interceptors for a platform ('PAC-3 interceptors for its Patriot batteries') are the item, not the platform", () => {
  const claims = article("Defence\n\nKuwait has been cleared to buy 84 PAC-3 interceptors for its Patriot batteries.", "en", "2024-10-16");
  assert.deepEqual(claims.map((t) => `${t.recipient} ${t.item.name} ${t.quantity}`), ["KWT PAC-3 84"]);
});

test("a purchase only discussed ('have discussed buying', « ont discuté de l'achat ») is under negotiation", () => {
  const [en] = article("Defence\n\nSaudi officials have discussed buying the F-35 stealth fighter.", "en", "2024-10-16");
  assert.equal(`${en?.recipient} ${en?.status}`, "SAU negotiating");
  const [fr] = article("Défense\n\nLes autorités saoudiennes ont discuté de l'achat du F-35 américain.", "fr", "2024-10-16");
  assert.equal(`${fr?.recipient} ${fr?.status}`, "SAU negotiating");
});

test("'it' in a sentence naming no party before it goes on with the state the sentence before opened with", () => {
  const text = "Defence\n\nKuwait has been modernising its forces. The last of the 28 Eurofighter Typhoon jets it ordered from Italy's Leonardo arrived last year.";
  assert.deepEqual(article(text, "en", "2024-10-16").map((t) => `${t.supplier}>${t.recipient} ${t.quantity}`), ["ITA>KWT 28"]);
  // A party named first in the sentence is what "it" is more likely to be.
  const company = "Defence\n\nKuwait has been modernising its forces. Leonardo said it delivered 28 Eurofighter Typhoon jets last year.";
  assert.deepEqual(article(company, "en", "2024-10-16").map((t) => t.recipient), []);
});

test("a headline's generic missiles are the air-defence interceptors its body tells of", () => {
  const text = "US clears missile sales to Kuwait\n\nWASHINGTON (Dev Wire) - The State Department has cleared Kuwait to buy 84 PAC-3 interceptors, the agency said.";
  assert.deepEqual(article(text, "en", "2024-10-16").map((t) => `${t.recipient} ${t.item.category}`), ["KWT air-defence"]);
});

test("people who had their phones infected ('had their phones hacked', « ont vu leur téléphone infecté ») are targets, and the state they are in hacked nothing", () => {
  assert.equal(article("Spyware\n\nAt least thirty people in Jordan had their phones infected with NSO Group's Pegasus spyware.", "en", "2024-02-02").length, 0);
  assert.equal(article("Espionnage\n\nAu moins trente personnes au Maroc ont vu leur téléphone infecté par Pegasus.", "fr", "2024-02-02").length, 0);
  // The state that hacked them is still read.
  assert.equal(article("Spyware\n\nMoroccan authorities hacked the phones of thirty journalists with Pegasus.", "en", "2024-02-02")[0]?.recipient, "MAR");
});

test("a seller's customers described at length ('only to vetted government intelligence and law enforcement agencies') are no one named", () => {
  const claims = article("Spyware\n\nJordan bought Pegasus spyware in 2019. NSO Group said it sells Pegasus spyware only to vetted government intelligence and law enforcement agencies.", "en", "2024-02-02");
  assert.deepEqual(claims.map((t) => `${t.recipient} ${t.sources.join(">")}`), ["JOR "]);
});

test("what a source believes ('said it believed with high confidence that…') is alleged", () => {
  const [t] = article("Spyware\n\nCitizen Lab said it believed with high confidence that Jordan had bought Pegasus.", "en", "2024-02-02");
  assert.equal(`${t?.recipient} ${t?.stance}`, "JOR alleged");
});

test("a vehicle told as carrying the items ('a C-17 landed, carrying launchers', « un Iliouchine transportant des blindés ») is no item", () => {
  const en = article("Missiles\n\nAn Indian Air Force C-17 transport landed at Clark Air Base, carrying mobile launchers for the batteries that the Philippines ordered in 2022.", "en", "2024-04-20");
  assert.ok(!en.some((t) => t.item.name === "C-17"), JSON.stringify(en.map((t) => t.item.name)));
  const fr = article("Défense\n\nUn Il-76 russe transportant des blindés a atterri à Bamako, que le Mali a commandés en 2022.", "fr", "2024-04-20");
  assert.ok(!fr.some((t) => t.item.name === "Il-76"), JSON.stringify(fr.map((t) => t.item.name)));
  // An aircraft delivered is an item, also one carrying its own arms; what no item named carries is sent.
  assert.equal(article("Defence\n\nThe United States delivered a C-17 to India.", "en", "2024-04-20")[0]?.item.name, "C-17");
  assert.equal(article("Drones\n\nTurkey delivered TB2 drones carrying MAM-L munitions to Ukraine.", "en", "2024-04-20")[0]?.item.name, "TB2");
  const flights = article("Sudan\n\nFlights from the UAE landed in Chad, carrying weapons that were then trucked to the Rapid Support Forces.", "en", "2024-01-19");
  assert.ok(flights.some((t) => t.supplier === "ARE" && t.recipient === "nsa:Rapid Support Forces"), JSON.stringify(flights.map((t) => `${t.supplier}>${t.recipient}`)));
});

test("what a deal also includes ('It also includes Meteor missiles', « Il comprend également ») is of the same deal, whatever its kind; 'It' opening the sentence is the deal, not a state", () => {
  const en = article("Defence\n\nIndia signed an agreement with France on Monday for 26 Rafale Marine fighter jets. It also includes Meteor air-to-air missiles made by MBDA.", "en", "2025-04-29");
  assert.ok(en.some((t) => t.item.name === "Meteor" && t.supplier === "FRA" && t.recipient === "IND"), JSON.stringify(en.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`)));
  const fr = article("Défense\n\nLa Serbie a signé l'achat de douze Rafale auprès de la France. Le contrat comprend également des missiles air-air Meteor de MBDA.", "fr", "2025-04-29");
  assert.ok(fr.some((t) => t.item.name === "Meteor" && t.supplier === "FRA" && t.recipient === "SRB"), JSON.stringify(fr.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`)));
});

test("what new items will replace ('will replace Soviet-designed T-72 tanks', « remplaceront ») is set aside; a state's 'aid' names its giver", () => {
  const claims = article("Defence\n\nThe Czech Republic ordered 44 Leopard 2A8 tanks. The tanks, to be delivered from 2028, will replace Soviet-designed T-72 tanks that the army has operated since the 1990s.", "en", "2024-10-10");
  assert.ok(!claims.some((t) => t.item.name?.startsWith("T-72")), JSON.stringify(claims.map((t) => t.item.name)));
  const fr = article("Défense\n\nLa République tchèque a commandé 44 chars Leopard 2A8, qui remplaceront ses T-72.", "fr", "2024-10-10");
  assert.deepEqual(fr.map((t) => t.item.name), ["Leopard 2A8"]);
  const aid = article("Defence\n\nThe Czech Republic sent weapons to Ukraine. That Czech aid included dozens of T-72 tanks, delivered in 2022.", "en", "2024-10-10").find((t) => t.item.name === "T-72");
  assert.equal(`${aid?.supplier}>${aid?.recipient}`, "CZE>UKR");
});

test("a yard of the buyer's own state building a foreign system (« qui seront construits par le chantier PT PAL ») is neither its maker nor its seller", () => {
  const [t] = article("Défense\n\nL'Indonésie a commandé deux Scorpène Evolved, qui seront construits par le chantier PT PAL.", "fr", "2024-10-10");
  assert.equal(`${t?.supplier}>${t?.recipient} ${t?.quantity} ${t?.maker}`, "FRA>IDN 2 null");
  // A conditional in a relative describing the item hedges nothing.
  const [india] = article("Défense\n\nEn Inde, les négociations portant sur trois Scorpène supplémentaires, qui seraient assemblés par le chantier Mazagon Dock, piétinent.", "fr", "2024-10-10");
  assert.equal(`${india?.supplier}>${india?.recipient} ${india?.status} ${india?.stance}`, "FRA>IND negotiating asserted");
});

test("'has given' is giving ('Poland has given Kyiv hundreds of T-72 tanks'); 'was given' of a number is not; a number word opening a sentence is no person", () => {
  const [t] = article("Defence\n\nPoland has given Kyiv hundreds of Soviet-era T-72 tanks since 2022.", "en", "2023-12-05");
  assert.equal(`${t?.supplier}>${t?.recipient} ${t?.item.name}`, "POL>UKR T-72");
  assert.equal(article("Defence\n\nSaudi Arabia bought the Wing Loong from China. No number of aircraft was given.", "en", "2023-12-05").length, 1);
  const [k9] = article("Defence\n\nPoland ordered 212 K9 howitzers, Poland's Armament Agency said. Twenty-four of them arrived at Gdynia in December, the agency said.", "en", "2023-12-05");
  assert.deepEqual(k9?.sources, ["Armament Agency"]);
});

test("an armed group possessed by a state ('to Sudan's paramilitary Rapid Support Forces') is the recipient; arms 'from' a state before a passive come from it", () => {
  const [t] = article("Sudan\n\nWeapons from the United Arab Emirates were trucked across the border to Sudan's paramilitary Rapid Support Forces.", "en", "2024-01-19");
  assert.equal(`${t?.supplier}>${t?.recipient}`, "ARE>nsa:Rapid Support Forces");
});

test("a state's service named bare after a date ('In 2021 the air force ordered', « En 2022, la marine a commandé ») is that of the state the sentence before opened with", () => {
  const [en] = article("Defence\n\nThe Philippines has been expanding its arsenal. In 2021 the air force ordered Spyder air defence systems from Israel's Rafael.", "en", "2024-04-20");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.item.name}`, "ISR>PHL Spyder");
  const [fr] = article("Défense\n\nLa Pologne se réarme. En 2022, la marine a commandé trois frégates au Royaume-Uni.", "fr", "2024-04-20");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.quantity}`, "GBR>POL 3");
  // In the first sentence, or after another opening, it names no one.
  assert.equal(article("Defence\n\nThe Philippines has been expanding its arsenal. Facing China, the navy ordered three frigates from Britain.", "en", "2024-04-20")[0]?.recipient, undefined);
});

test("whom a maker wins an order or contract from ('an order from Australia', « une commande de la Belgique », « le contrat des Pays-Bas ») is the buyer", () => {
  const [en] = article("Defence\n\nHanwha has won a $2.6 billion order from Australia for 129 Redback vehicles.", "en", "2024-05-10");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.quantity} ${en?.status}`, "KOR>AUS 129 ordered");
  const [contract] = article("Defence\n\nNaval Group won a contract from the Netherlands for four submarines.", "en", "2024-05-10");
  assert.equal(`${contract?.supplier}>${contract?.recipient} ${contract?.quantity}`, "FRA>NLD 4");
  const [fr] = article("Défense\n\nNexter a décroché une commande de la Belgique pour 9 CAESAR.", "fr", "2024-05-10");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.quantity}`, "FRA>BEL 9");
  const [genitive] = article("Défense\n\nNaval Group a remporté le contrat des Pays-Bas pour quatre sous-marins.", "fr", "2024-05-10");
  assert.equal(`${genitive?.supplier}>${genitive?.recipient} ${genitive?.quantity}`, "FRA>NLD 4");
  // A buyer's order from a maker stays the buyer's.
  const [buyer] = article("Defence\n\nAustralia placed an order with Hanwha for 129 Redback vehicles.", "en", "2024-05-10");
  assert.equal(`${buyer?.supplier}>${buyer?.recipient}`, "KOR>AUS");
});

test("a hacking laid on a state ('attributed the hack to Rwanda', « imputé ces infections au Maroc ») makes it the spyware's holder, alleged", () => {
  const [en] = article("Pegasus spyware\n\nResearchers attributed the hack to Rwanda.", "en", "2024-05-10");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.item.name} ${en?.stance}`, "ISR>RWA Pegasus alleged");
  const [fr] = article("Logiciel espion Pegasus\n\nAmnesty a imputé ces infections au Maroc.", "fr", "2024-05-10");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.item.name} ${fr?.stance}`, "ISR>MAR Pegasus alleged");
  // Hacking someone from a state is no hacking by it.
  assert.equal(article("Pegasus spyware\n\nThe hack targeted a journalist from Rwanda.", "en", "2024-05-10").length, 0);
});

test("a state that uses spyware ('Rwanda uses Pegasus', 'is using') holds it; a weapon used is no transfer", () => {
  const [en] = article("Spyware\n\nResearchers believe Rwanda uses Pegasus.", "en", "2024-05-10");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.item.name}`, "ISR>RWA Pegasus");
  assert.equal(article("Drones\n\nRussia is using Shahed drones against Ukrainian cities.", "en", "2024-05-10").length, 0);
});

test("a client only suspected ('a suspected client', « un client suspecté ») is alleged", () => {
  const [en] = article("Spyware\n\nThe Togolese government is a suspected client of NSO Group, according to Forbidden Stories.", "en", "2024-05-10");
  assert.equal(`${en?.recipient} ${en?.stance}`, "TGO alleged");
  const [fr] = article("Espionnage\n\nLe gouvernement togolais est un client suspecté de NSO Group, selon Forbidden Stories.", "fr", "2024-05-10");
  assert.equal(`${fr?.recipient} ${fr?.stance}`, "TGO alleged");
});

test("« prendre livraison de » is receiving, as 'take delivery of' is: its subject is the recipient, also with a date inside the phrase", () => {
  const [a] = article("Défense\n\nL'Égypte a pris livraison lundi de ses trois premiers Rafale, a indiqué le ministère français des Armées.", "fr", "2024-05-10");
  assert.equal(`${a?.supplier}>${a?.recipient} ${a?.quantity} ${a?.status} ${a?.time?.from}`, "FRA>EGY 3 delivered 2024-05-06");
  const [b] = article("Défense\n\nLa Croatie prendra livraison de ses six Rafale en 2025.", "fr", "2024-05-10");
  assert.equal(`${b?.supplier}>${b?.recipient} ${b?.quantity}`, "FRA>HRV 6");
});

test("a count in words before a name that needs context ('trois CAESAR', « vingt Mica ») cues it as a figure does; the article 'un' does not", () => {
  const [fr] = article("Défense\n\nLa Croatie a commandé trois CAESAR.", "fr", "2024-05-10");
  assert.equal(`${fr?.recipient} ${fr?.item.name} ${fr?.quantity}`, "HRV CAESAR 3");
  const [en] = article("Defence\n\nMorocco bought twenty Mica from France.", "en", "2024-05-10");
  assert.equal(`${en?.recipient} ${en?.item.name} ${en?.quantity}`, "MAR Mica 20");
  assert.equal(article("Presse\n\nLe Maroc a reçu un César du cinéma.", "fr", "2024-05-10").length, 0);
});

test("a signing still to come ('will be signed', « sera signé », « signera ») is under negotiation, and a month it foretells is the next one, not the last", () => {
  const [en] = article("Rafale\n\nThe contract for 12 Rafale jets for Serbia will be signed in August, President Jane Roe said.", "en", "2024-05-10");
  assert.equal(`${en?.recipient} ${en?.status} ${JSON.stringify(en?.time)}`, "SRB negotiating null");
  const [fr] = article("Rafale\n\nLe contrat portant sur 12 Rafale destinés à la Serbie sera signé en août.", "fr", "2024-05-10");
  assert.equal(`${fr?.recipient} ${fr?.status} ${JSON.stringify(fr?.time)}`, "SRB negotiating null");
  const future = article("CAESAR\n\nLe Maroc a reçu des Rafale en mars. La Croatie signera le contrat pour six CAESAR en juin.", "fr", "2024-05-10").find((t) => t.recipient === "HRV");
  assert.equal(`${future?.recipient} ${future?.status} ${JSON.stringify(future?.time)}`, "HRV negotiating null");
  // A month told of the past stays the last one; a signing told done stays ordered.
  const [past] = article("Rafale\n\nSerbia said in March it had signed a contract for 12 Rafale jets.", "en", "2024-05-10");
  assert.equal(`${past?.status} ${past?.time?.from}`, "ordered 2024-03");
});

test("a demonym beside a transfer noun (« la commande grecque », 'the Greek order') is the party the noun's class says", () => {
  const [fr] = article("Rafale\n\nLa commande grecque de 18 Rafale a été signée en janvier 2021.", "fr", "2021-06-01");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.quantity}`, "FRA>GRC 18");
  const [en] = article("Rafale\n\nThe Greek order for 18 Rafale jets was signed in January 2021.", "en", "2021-06-01");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.quantity}`, "FRA>GRC 18");
});

test("a capitalised run holding a region's adjective ('the Southeast Asian country') is no person", () => {
  assert.deepEqual(persons("Jane Roe said the Southeast Asian country and its Latin American partners bought jets.", "en"), ["Jane Roe"]);
});

test("preparing a hand-over ('is preparing the first shipment of', « prépare la livraison de ») offers it", () => {
  const [en] = article("Missiles\n\nIran is preparing the first shipment of Fateh-110 missiles for Russia, officials said.", "en", "2022-10-18");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.status}`, "IRN>RUS offered");
  const [fr] = article("Canons\n\nLa France prépare la livraison de douze canons CAESAR à l'Ukraine.", "fr", "2022-10-18");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "FRA>UKR offered");
});

test("a deal told again ('the deal covers 24 armed drones') in a later paragraph is the deal told before, with its parties", () => {
  const claims = article("Drones\n\nPoland has signed a deal to buy Bayraktar TB2 drones from Turkey, President Recep Tayyip Erdogan said on Monday.\n\nThe Example Times reported that the deal covers 24 armed drones.", "en", "2021-05-24");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.quantity} ${c.sources.join(">")}`).sort(), ["TUR>POL 24 Example Times", "TUR>POL null Recep Tayyip Erdogan"]);
});

test("an item set aside by a coordination and a negation (« et non d'avions », 'but not jets') is not sent", () => {
  const claims = article("Défense\n\nLa Russie livre à la Syrie des systèmes de défense antiaérienne et non d'avions, selon l'agence.", "fr", "2013-02-13");
  assert.deepEqual(claims.map((c) => c.item.category), ["air-defence"]);
});

test("', as well as' adds to the list of items, it opens no clause", () => {
  const claims = article("Jets\n\nPoland is committed to procuring 980 K2 tanks, as well as 48 FA-50 fighter jets, from South Korea.", "en", "2022-08-27");
  assert.deepEqual(claims.map((c) => `${c.item.name} ${c.quantity}`).sort(), ["FA-50 48", "K2 980"]);
});

test("a count of a part ('the deals, one of the largest orders') counts no item", () => {
  const claims = article("Tanks\n\nPoland ordered 180 K2 tanks from South Korea in August 2022. Hyundai Rotem builds the K2.\n\nWarsaw described the deals as one of the largest defence orders in its history.", "en", "2022-08-27");
  assert.deepEqual(claims.map((c) => `${c.item.name} ${c.quantity}`), ["K2 180"]);
});

test("an ambiguous name ('The Australian', an outlet) yields to a plain name starting inside it and reaching further ('The Australian Army')", () => {
  const [claim] = article("Guns\n\nThe Australian Army will acquire 30 K9 Thunder howitzers from South Korea.", "en", "2021-12-13");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "KOR>AUS");
});

test("a generic vehicle as the subject of a hand-over ('A special plane has delivered four Mi-171 helicopters') carries it; it is no item", () => {
  const claims = article("Helicopters\n\nA special plane has delivered four Mi-171 helicopters from Russia to Mali, the minister said.", "en", "2021-10-01");
  assert.deepEqual(claims.map((c) => c.item.category), ["helicopter"]);
});

test("a dateline with a place, a day and an agency, with or without a dash ('New Delhi, Feb 21 (IANS) ', 'MOSCOW (Example News - 22nd December, 2022) '), dates no deal", () => {
  const [a] = article("Jets\n\nNew Delhi, Feb 21 (IANS) China will deliver 25 J-10C fighter jets to Pakistan, The News reported.", "en", "2022-02-21");
  assert.equal(a?.time, null);
  const [b] = article("Drones\n\nMOSCOW (Example News - 22nd December, 2022) Russia has received Shahed-136 drones from Iran, Jane Roe said.", "en", "2022-12-22");
  assert.equal(b?.time, null);
});

test("items inducted into a force ('were inducted into the Pakistani air force', « mis en service au sein de ») are delivered to its state", () => {
  const [en] = article("Jets\n\nThe six J-10CE fighter jets were inducted into the Pakistani air force on Friday.", "en", "2022-03-12");
  assert.equal(`${en?.supplier}>${en?.recipient} ${en?.status} ${en?.quantity}`, "CHN>PAK delivered 6");
  const [fr] = article("Avions\n\nSix chasseurs J-10CE ont été mis en service au sein de l'armée de l'air pakistanaise vendredi.", "fr", "2022-03-12");
  assert.equal(`${fr?.supplier}>${fr?.recipient} ${fr?.status}`, "CHN>PAK delivered");
});

test("a noun summing up the clause before (', a move seen as countering India's Rafale') opens another clause", () => {
  const claims = article("Jets\n\nChina has supplied six J-10CE fighter jets to Pakistan, a move seen as countering India's recently acquired Rafale jets.", "en", "2022-03-12");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.item.name}`).sort(), ["CHN>PAK J-10CE", "FRA>IND Rafale"]);
});

test("'to the governments of A, B, and the C': every state of the list receives, the first after 'governments of' and the last after its article", () => {
  const claims = article("Spyware\n\nNSO Group sold Pegasus to the governments of Azerbaijan, Bahrain, and the United Arab Emirates, the investigation found.", "en", "2021-07-19");
  assert.deepEqual(claims.map((c) => c.recipient).sort(), ["ARE", "AZE", "BHR"]);
});

test("an item named for an activity ('submarine development', 'ammunition manufacturing', « la fabrication de drones ») is not sent", () => {
  const claims = article("Jets\n\nIndonesia ordered 42 Rafale jets after the two countries signed agreements that include submarine development and ammunition manufacturing.", "en", "2022-02-10");
  assert.deepEqual(claims.map((c) => c.item.category), ["aircraft"]);
});

test("a hedge in a relative clause after the trigger ('…with Paris, which accused its allies') qualifies the antecedent, not the claim", () => {
  const [claim] = article("Subs\n\nAustralia cancelled a submarine deal with France in 2021, which accused its allies of backstabbing.", "en", "2022-02-10");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status} ${claim?.stance}`, "FRA>AUS cancelled asserted");
});

test("a party before a subject relative whose antecedent is no party ('…created AUKUS, which includes equipping Australia with') is not its subject", () => {
  const claims = article("Subs\n\nIn 2021 the United States, Britain and Australia created an alliance called AUKUS, which includes equipping Australia with nuclear-powered U.S. submarines.", "en", "2022-02-10");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}`), ["USA>AUS"]);
});

test("a figure inside a weapon's name ('Mirage 2000') is no date", () => {
  const [claim] = article("Avions\n\nLa France a vendu des Mirage 2000 à l'Inde.", "fr", "2022-02-09");
  assert.equal(claim?.time, null);
});

test("whom a maker signs an order with (« Dassault Aviation a signé avec l'Indonésie une commande ») is its buyer", () => {
  const [claim] = article("Rafale\n\nDassault Aviation a signé avec l'Indonésie une commande portant sur six Rafale.", "fr", "2022-02-10");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status}`, "FRA>IDN ordered");
});

test("winning an order (« pourrait obtenir une nouvelle commande », 'secured an order') is the seller's deal, not a purchase", () => {
  const [claim] = article("Rafale\n\nLa ministre des Armées, en visite en Indonésie, pourrait obtenir une nouvelle commande de 36 Rafale.", "fr", "2022-02-09");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "FRA>IDN");
});

test("a conjunction of several words after a comma (', tandis que', ', alors que') opens a clause", () => {
  const claims = article("Chars\n\nLa Pologne a commandé 180 chars K2 à la Corée du Sud, tandis que l'Allemagne a livré des Leopard 2 à l'Ukraine.", "fr", "2023-01-10");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.item.name}`).sort(), ["DEU>UKR Leopard 2", "KOR>POL K2"]);
});

test("a technology transfer (« transfert de technologie », 'technology transfer') is no transfer of the item", () => {
  assert.deepEqual(article("Chars\n\nLe montant couvre le transfert de technologie du char K2PL vers la Pologne.", "fr", "2025-07-02"), []);
  assert.deepEqual(article("Tanks\n\nThe amount covers the technology transfer of the K2PL tank to Poland.", "en", "2025-07-02"), []);
});

test("an export licence (« une licence d'exportation a été émise ») and a refurbishing (« remettre à neuf ») are no delivery", () => {
  const [claim] = article("Chars\n\nL'Allemagne a autorisé l'exportation de chars Leopard 1 vers l'Ukraine. « Une licence d'exportation a été émise », a déclaré Jean Dupont. Rheinmetall s'apprête à remettre à neuf des Leopard 1.", "fr", "2023-02-03");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status} ${claim?.quantity}`, "DEU>UKR offered null");
});

test("a date between a prospective marker and its trigger (« a annoncé fin janvier la livraison ») is stepped over; a purpose (« dans l'optique de les fournir ») is prospective", () => {
  const [announced] = article("Chars\n\nLe gouvernement allemand a annoncé fin janvier la livraison à l'Ukraine de chars Leopard 2.", "fr", "2023-02-03");
  assert.equal(announced?.status, "offered");
  const [purpose] = article("Chars\n\nRheinmetall prépare des Leopard 1 dans l'optique de les fournir à l'Ukraine.", "fr", "2023-02-03");
  assert.equal(purpose?.status, "offered");
});

test("who demands is no party to the transfer demanded (« Washington exhorte le Caire à annuler l'accord d'achat de Su-35 »)", () => {
  const [claim] = article("Avions\n\nWashington exhorte le Caire à annuler l'accord d'achat des chasseurs russes Su-35.", "fr", "2019-11-20");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "RUS>EGY");
  assert.notEqual(claim?.status, "cancelled");
});

test("a deal providing for a delivery (« l'accord prévoit la livraison de », 'the agreement provides for the delivery') has ordered it", () => {
  const [claim] = article("Avions\n\nSelon Kommersant, l'accord avec la Russie prévoit la livraison de 24 chasseurs Su-35 à l'Égypte.", "fr", "2019-11-20");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status}`, "RUS>EGY ordered");
});

test("a decision to buy (« la décision d'acquérir », 'the decision to buy') is under negotiation", () => {
  const [claim] = article("Missiles\n\nEn 2019, Taïwan a pris la décision d'acquérir de nouveaux missiles Patriot auprès des États-Unis.", "fr", "2022-02-08");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.status}`, "USA>TWN negotiating");
});

test("what a clause answers (« en réponse à l'achat de Rafale par l'Inde », 'in response to') is a clause of its own", () => {
  const claims = article("Avions\n\nLe Pakistan a acquis 25 avions J-10C auprès de la Chine en réponse à l'achat d'avions Rafale par l'Inde.", "fr", "2021-12-08");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.item.name}`).sort(), ["CHN>PAK J-10C", "FRA>IND Rafale"]);
});

test("an item told as an elaboration goes with the frame of the sentence before whose seller made it", () => {
  const claims = article("Avions\n\nLe Pakistan a acquis 25 avions auprès de la Chine, et l'Inde a acheté des Rafale à la France.\n\nIl s'agit de J-10C.", "fr", "2021-12-08");
  assert.ok(claims.some((c) => `${c.supplier}>${c.recipient} ${c.item.name}` === "CHN>PAK J-10C"));
  assert.ok(!claims.some((c) => c.item.name === "J-10C" && c.recipient === "IND"));
});

test("a ministry's name (« le ministre de l'Intérieur Sheikh Rashid Ahmed ») is no part of the person's name", () => {
  assert.deepEqual(persons("Selon le ministre de l'Intérieur Sheikh Rashid Ahmed, les avions sont arrivés.", "fr"), ["Sheikh Rashid Ahmed"]);
});

test("'the country' in what a speaker says ('Iran's Ministry of Defence announced that the country had acquired') is the state the sentence opens with", () => {
  const [claim] = article("Jets\n\nIran's Ministry of Defence announced last year that the country had acquired Yak-130 jets from Russia.", "en", "2024-04-21");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "RUS>IRN");
});

test("who denies reports about a transfer to a state named again ('Iranian officials denied reports about the delivery of Su-35 jets to Iran') is no party", () => {
  const [claim] = article("Jets\n\nIranian officials have denied media reports about the imminent delivery of Russian Su-35 fighter jets to Iran.", "en", "2024-04-21");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.stance}`, "RUS>IRN denied");
});

test("a figure after a version noun ('the Block 15 aircraft') names the version and counts nothing", () => {
  const [claim] = article("Jets\n\nArgentina bought the Block 15 F-16 jets from Denmark in April 2024.", "en", "2024-04-16");
  assert.equal(`${claim?.recipient} ${claim?.quantity}`, "ARG null");
});

test("a deal told again with other items ('The contract also includes AIM-9X missiles') keeps the parties of the deal signed before", () => {
  const claims = article("Jets\n\nArgentina bought 24 F-16 jets from Denmark in April 2024.\n\nThe contract also includes AIM-9X and AIM-120 missiles.", "en", "2024-04-16");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.item.name}`).sort(), ["DNK>ARG AIM-120", "DNK>ARG AIM-9X", "DNK>ARG F-16"]);
});

test("'we' in a quote is the state of its speaker, introduced with a demonym paragraphs before", () => {
  const [claim] = article("Jets\n\nDanish Defence Minister Troels Lund Poulsen said the sale is part of a restructuring of the air force.\n\n\"Now we have sold 24 F-16 aircraft to Argentina,\" he said.", "en", "2024-04-16");
  assert.equal(`${claim?.supplier}>${claim?.recipient}`, "DNK>ARG");
});

test("« Un député iranien a révélé que le pays recevra… »: 'the country' in what a speaker says may be the state of the speaker's demonym", () => {
  const [claim] = article("Avions\n\nUn député iranien a révélé que le pays recevra des chasseurs russes Su-35 au printemps.", "fr", "2023-01-15");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.sources.join(">")}`, "RUS>IRN Un député iranien");
});

test("a place inside the subject (« des opérateurs opérant en Hongrie … ont acheté ») locates the buyer; it is no origin", () => {
  const claims = article("Spyware\n\nDes cyber-opérateurs opérant en Hongrie et en Indonésie ont acheté un logiciel d'espionnage fabriqué par Candiru, selon les chercheurs.", "fr", "2021-07-16");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient}`).sort(), ["ISR>HUN", "ISR>IDN"]);
});

test("a demonym describing companies stands for its state ('Russian companies', « des sociétés israéliennes »), also coordinated", () => {
  const [accused] = article("Arms\n\nThe United States accused privately owned Russian companies of supplying Iraq with antitank missiles.", "en", "2003-03-25");
  assert.equal(`${accused?.supplier}>${accused?.recipient} ${accused?.stance} ${accused?.sources.join(">")}`, "RUS>IRQ alleged The United States");
  const [sold] = article("Drones\n\nDes sociétés israéliennes ont vendu des drones à l'Azerbaïdjan.", "fr", "2020-10-01");
  assert.equal(`${sold?.supplier}>${sold?.recipient}`, "ISR>AZE");
  const both = article("Drones\n\nIsraeli and Turkish defense firms sold drones to Azerbaijan.", "en", "2020-10-01");
  assert.deepEqual(both.map((c) => `${c.supplier}>${c.recipient}`).sort(), ["ISR>AZE", "TUR>AZE"]);
});

test("a subject relative of a kind of party ('the countries who have bought S-400s') names no transfer of the state before it, unless that state is one of them", () => {
  assert.deepEqual(article("Sanctions\n\nThe US has warned the countries who have bought S-400 systems from Russia.", "en", "2019-09-10"), []);
  const [among] = article("Drones\n\nMorocco is among the countries that bought drones from Israel.", "en", "2021-09-10");
  assert.equal(`${among?.supplier}>${among?.recipient}`, "ISR>MAR");
});

test("'get' with a weapon is a receipt ('Pakistan got J-10C jets from China')", () => {
  const [claim] = article("Jets\n\nPakistan got six J-10C jets from China in March.", "en", "2022-04-01");
  assert.equal(`${claim?.supplier}>${claim?.recipient} ${claim?.quantity} ${claim?.status}`, "CHN>PAK 6 delivered");
});

test("a preposition ending in 'to' ('due to the handover', 'in response to the purchase') makes nothing prospective; 'due to be delivered' does", () => {
  const [handed] = article("Sanctions\n\nThe sanctions were imposed due to the handover of drones from Iran to Russia.", "en", "2024-09-10");
  assert.equal(`${handed?.supplier}>${handed?.recipient} ${handed?.status}`, "IRN>RUS delivered");
  const bought = article("Jets\n\nPakistan will buy J-10C jets in response to India's purchase of Rafale aircraft from France.", "en", "2022-01-01").find((c) => c.recipient === "IND");
  assert.equal(`${bought?.supplier}>${bought?.recipient} ${bought?.status}`, "FRA>IND delivered");
  const [due] = article("Ships\n\nTwo frigates are due to be delivered to Greece by France in 2025.", "en", "2022-03-25");
  assert.equal(`${due?.supplier}>${due?.recipient} ${due?.status}`, "FRA>GRC offered");
});

test("coordinated deniers ('Moscow and Tehran have denied') each deny in a claim of their own", () => {
  const claims = article("Drones\n\nMoscow and Tehran have repeatedly denied all claims of shipments of Iranian drones to Russia.", "en", "2024-09-10");
  assert.deepEqual(claims.map((c) => `${c.supplier}>${c.recipient} ${c.stance} ${c.sources.join(">")}`).sort(), ["IRN>RUS denied Moscow", "IRN>RUS denied Tehran"]);
});

test("whom the arms face is no party ('deployed against Russian forces', « déployés face aux Russes »)", () => {
  const parties = (text: string, lang: string) => article(`Guns\n\n${text}`, lang).map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties("France has confirmed it will send six more Caesar howitzers, deployed against Russian forces.", "en"), []);
  assert.deepEqual(parties("La France a confirmé l'envoi de six canons Caesar, déployés face aux Russes.", "fr"), []);
});

test("a speaker who 'made announcements' speaks the paragraph's next sentences", () => {
  const sources = (text: string, lang: string) => article(`Guns\n\n${text}`, lang).map((t) => t.sources);
  assert.deepEqual(sources("Le ministre Jean Exemple a fait plusieurs annonces mardi. Douze canons Caesar seront livrés à l'Ukraine.", "fr"), [["Jean Exemple"]]);
  assert.deepEqual(sources("Defence Minister Jane Roe made several announcements on Tuesday. Twelve Caesar howitzers will be delivered to Ukraine.", "en"), [["Jane Roe"]]);
});

test("an entry's unambiguous name needs no context cue (« le logiciel Pegasus » alone names it)", () => {
  const items = article("Surveillance\n\nL'Arabie saoudite a acheté le logiciel Pegasus en 2017.", "fr").map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`);
  assert.deepEqual(items, ["ISR>SAU Pegasus"]);
});

test("'the Russian side', « la partie russe » stands for its state; « Cela dit » reports nothing", () => {
  const claims = article("Chasseurs\n\nLa partie russe a signé avec le Vietnam un contrat pour douze appareils Su-30MK2.\n\nCela dit, l'Algérie pourrait acheter des chasseurs Su-34 à la Russie.", "fr", "2010-06-15");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.sources.join(",")}`), ["RUS>VNM ", "RUS>DZA "]);
});

test("« le montant du contrat » tells more of the deal just told; 'indique ce mardi 30 novembre le quotidien X' names X", () => {
  const claims = article("Drones\n\nLe Maroc a commandé des drones Harop auprès d'Israel Aerospace Industries. Le montant du contrat avoisine les 22 millions de dollars, indique ce mardi 30 novembre le quotidien Haaretz.", "fr", "2021-11-30");
  assert.deepEqual(claims.map((t) => [t.value, t.sources]), [[{ amount: 22_000_000, currency: "USD" }, ["Haaretz"]]]);
});

test("a demonym after coordinated nouns, each with its article, describes them all (« des avions et des hélicoptères russes »)", () => {
  const parties = (text: string) => article(`Mali\n\n${text}`, "fr", "2023-01-20").map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`).sort();
  assert.deepEqual(parties("Le Mali a reçu des avions et des hélicoptères russes."), ["RUS>MLI aircraft", "RUS>MLI helicopter"]);
  assert.deepEqual(parties("Le Mali a reçu une livraison d'avions et d'hélicoptères russes."), ["RUS>MLI aircraft", "RUS>MLI helicopter"]);
});

test("what an item can do, set off by commas, is no clause ('the spyware, capable of hacking phones, to Egypt')", () => {
  const parties = (text: string, lang: string) => article(`Spyware\n\n${text}`, lang, "2023-10-05").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties("The Nexa group sold the Predator spyware, capable of hacking mobile phones, to Egypt and Vietnam.", "en"), ["FRA>EGY", "FRA>VNM"]);
  assert.deepEqual(parties("Le groupe Nexa a vendu le logiciel espion Predator, capable de pirater les téléphones, à l'Égypte et au Vietnam.", "fr"), ["FRA>EGY", "FRA>VNM"]);
});

test("a negation with a verb of its own takes the negation ('did not publish proof tying the tools to Candiru')", () => {
  const claims = article("Spyware\n\nA researcher said Uzbekistan was a client of Candiru, but he did not publish clear proof tying the tools to Candiru.", "en");
  assert.deepEqual(claims.map((t) => `${t.recipient} ${t.status} ${t.stance}`), ["UZB delivered asserted"]);
});

test("what an item is compared with, and whose objections a sale defies, are no party ('on a par with the American Patriot', 'despite opposition from the US')", () => {
  const parties = (text: string) => article(`Air defence\n\n${text}`, "en", "2016-05-01").map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`);
  assert.deepEqual(parties("Russia has delivered S-300 systems, said to be on a par with the American Patriot, to Iran despite opposition from the US."), ["RUS>IRN S-300"]);
  assert.deepEqual(parties("Russia has delivered an S-300 system to Syria, in defiance of US concerns."), ["RUS>SYR S-300"]);
});

test("a denier is not a name before the clause's comma ('defended sales to the Syrian government, but denied'); 'no missiles had been delivered' denies", () => {
  const claims = (text: string) => article(`S-300\n\n${text}`, "en", "2013-06-01").map((t) => `${t.stance} ${t.sources.join(",")}`);
  // (The arms sales he defended are his own clause's, asserted: the denial after "but" denies only what follows it.)
  assert.deepEqual(claims("President Vladimir Putin defended Moscow's arms sales to the Syrian government, but denied that S-300 systems had been delivered.").filter((c) => c.startsWith("denied")), ["denied Vladimir Putin"]);
  assert.ok(claims("Russia sold S-300 missiles to Syria in 2010. Two officials said that no missiles had been delivered so far.").includes("denied Two officials"));
});

test("resorting to spyware is using it (« recourir au logiciel Pegasus »), under way when 'sur le point de'", () => {
  const claims = article("Pegasus\n\nSelon le MIT Technology Review, la France était sur le point de recourir au logiciel Pegasus.", "fr", "2021-10-01");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status} ${t.sources.join(",")}`), ["ISR>FRA negotiating MIT Technology Review"]);
});

test("a rate counts no deal ('at a rate of 3 to 5 aircraft per year')", () => {
  const claims = article("F-35\n\nIsrael signed a deal to buy F-35 jets from the United States. Deliveries will start in 2028 at a rate of 3 to 5 aircraft per year.", "en", "2023-06-15");
  assert.deepEqual(claims.map((t) => t.quantity), [null]);
});

test("a full stop inside a name like a domain ('News.Az reports') ends no sentence; one lost before a word does ('contractor.Under')", () => {
  const sentences = (text: string) => createContext(text, "en", null, null, defaultCatalog(), lexiconFor("en")).sentences.length;
  assert.equal(sentences("Israel sold drones to Morocco, News.Az reports citing Anadolu Agency."), 1);
  assert.equal(sentences("Hanwha is a Korean defense contractor.Under the deal, Poland buys howitzers."), 2);
  // (A two-letter word of the language after the lost space opens a sentence all the same.)
  const fr = (text: string) => createContext(text, "fr", null, null, defaultCatalog(), lexiconFor("fr")).sentences.length;
  assert.equal(fr("La livraison est prévue l'an prochain.Le contrat concerne aussi des obusiers."), 2);
});

test("a purchase only agreed to is under negotiation in both languages ('agreed to buy', « a convenu d'acheter »)", () => {
  const statuses = (text: string, lang: string) => article(`Drones\n\n${text}`, lang, "2023-10-15").map((t) => t.status);
  assert.deepEqual(statuses("Morocco has agreed to buy ten drones from Israel.", "en"), ["negotiating"]);
  assert.deepEqual(statuses("Le Maroc a convenu d'acheter dix drones à Israël.", "fr"), ["negotiating"]);
});

test("a system spelled the French way (« canons César ») is the CAESAR; one named by its catalog description goes by its short name (« frégate de défense et d'intervention »: FDI)", () => {
  const items = (text: string) => article(`Armes\n\n${text}`, "fr", "2023-02-01").map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.item.name} ${t.item.category}`);
  assert.deepEqual(items("Le Danemark a promis 19 canons César à l'Ukraine."), ["DNK>UKR 19 César artillery"]);
  assert.deepEqual(items("Naval Group a signé un contrat avec la Grèce pour une frégate de défense et d'intervention supplémentaire."), ["FRA>GRC 1 FDI ship"]);
});

test("a one-letter designation matches only in capitals (« un système à 10 millions d'euros » names no A-10)", () => {
  const items = article("Surveillance\n\nLa France a vendu en 2014 un système d'écoute à 10 millions d'euros à l'Égypte.", "fr", "2021-06-15").map((t) => `${t.item.category} ${t.item.name}`);
  assert.deepEqual(items, ["surveillance null"]);
});

test("the party a buyer turns to, before an infinitive of giving, supplies ('looks to French industry to supply', « a fait appel à la Russie pour livrer »)", () => {
  const parties = (text: string, lang: string) => article(`Arms\n\n${text}`, lang, "2023-02-01").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties("Indonesia looks to French industry to supply new fighter jets.", "en"), ["FRA>IDN"]);
  assert.deepEqual(parties("Poland asked the United States to deliver Patriot batteries.", "en"), ["USA>POL"]);
  assert.deepEqual(parties("Le Mali a fait appel à la Russie pour livrer des hélicoptères.", "fr"), ["RUS>MLI"]);
});

test("a named vehicle as the subject of a hand-over carries what it hands over ('Y-20 aircraft deliver the FK-3 to Serbia')", () => {
  const items = article("Chinese Y-20 aircraft deliver FK-3 air defence system to Serbia\n\nThe flights came on Saturday.", "en", "2022-04-10").map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`);
  assert.deepEqual(items, ["CHN>SRB FK-3"]);
});

test("a sale or purchase whose delivery the sentence tells is still to come is ordered ('bought …, which will be delivered', « achète …, dont 24 seront livrés »)", () => {
  const statuses = (text: string, lang: string) => article(`Arms\n\n${text}`, lang, "2016-05-01").map((t) => t.status);
  assert.deepEqual(statuses("Qatar bought 24 Rafale jets from France, which will be delivered from 2018.", "en"), ["ordered"]);
  assert.deepEqual(statuses("France sold 24 Rafale jets to Qatar, to be delivered from 2018.", "en"), ["ordered"]);
  assert.deepEqual(statuses("La Pologne achète 212 obusiers K9 à la Corée du Sud, dont 24 seront livrés dans l'année.", "fr"), ["ordered"]);
  assert.deepEqual(statuses("Qatar bought 24 Rafale jets from France and received the first ones in 2019.", "en"), ["delivered"]);
});

test("one count before two platforms joined bare is their total, not each one's ('400 tanks and howitzers'); a count before another item counts that one ('36 Rafale jets and Meteor missiles')", () => {
  const counts = (text: string, lang: string) => article(`Arms\n\n${text}`, lang, "2022-08-01").map((t) => `${t.item.category} ${t.quantity}`);
  assert.deepEqual(counts("Poland agreed to buy nearly 400 tanks and howitzers from South Korea.", "en"), ["armoured-vehicle null", "artillery null"]);
  assert.deepEqual(counts("La Pologne achète près de 400 chars et obusiers à la Corée du Sud.", "fr"), ["armoured-vehicle null", "artillery null"]);
  assert.deepEqual(counts("India bought 36 Rafale jets and Meteor missiles from France.", "en"), ["aircraft 36", "missile null"]);
  assert.deepEqual(counts("La Russie a livré au Mali deux hélicoptères et des radars.", "fr"), ["helicopter 2", "sensor null"]);
});

test("a denial whose object is something else than a claim or a transfer denies no transfer ('denied any wrongdoing', « a nié toute implication dans la guerre »)", () => {
  const stances = (text: string, lang: string) => article(`Drones\n\n${text}`, lang, "2022-11-01").map((t) => t.stance);
  assert.deepEqual(stances("Ukraine says Iran has sent drones to Russia. Tehran denied any wrongdoing.", "en"), ["asserted"]);
  assert.deepEqual(stances("Ukraine says Iran has sent drones to Russia. Tehran denied the reports.", "en"), ["asserted", "denied"]);
  assert.deepEqual(stances("Selon Kiev, l'Iran a livré des drones à la Russie. Téhéran a nié toute implication dans la guerre.", "fr"), ["asserted"]);
  assert.deepEqual(stances("Selon Kiev, l'Iran a livré des drones à la Russie. Téhéran a démenti catégoriquement ces informations.", "fr"), ["asserted", "denied"]);
});

test("'the firm' takes up the company an aside describes, not one named inside the aside ('Nexa (formerly Amesys), a founding member of Intellexa')", () => {
  const text = "Spyware\n\nA key role was played by the French company Nexa (formerly Amesys), a founding member of Intellexa. The firm is believed to have sold Predator to Vietnam.";
  const parties = article(text, "en", "2023-10-10").map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`);
  assert.deepEqual(parties, ["FRA>VNM Predator"]);
});

test("the company that sells a system is not its maker when the text names the system's own ('Designed by Cytrox, Predator was sold by Intellexa')", () => {
  const text = "Spyware\n\nPredator was designed by Cytrox. The French firm Nexa sold Predator to Vietnam.";
  const makers = article(text, "en", "2023-10-10").map((t) => `${t.supplier}>${t.recipient} ${t.maker}`);
  assert.deepEqual(makers, ["FRA>VNM Cytrox"]);
});

test("a bracketed list of countries goes on past a name left unread ('two African countries (Congo and Kenya)')", () => {
  const text = "Spyware\n\nThe French firm Nexa sold Predator to three Asian states (Pakistan, Singapore, Vietnam) and two African countries (Congo and Kenya).";
  const recipients = article(text, "en", "2023-10-10").map((t) => t.recipient);
  assert.deepEqual(recipients, ["PAK", "SGP", "VNM", "KEN"]);
});

test("a second predicate after the item opens a clause of its own ('has delivered shells to Russia and is preparing a satellite launch')", () => {
  const items = article("Shells\n\nNorth Korea has delivered about a million artillery shells to Russia and is preparing to launch a reconnaissance satellite.", "en", "2023-11-01").map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`);
  assert.deepEqual(items, ["PRK>RUS ammunition"]);
  const agreed = article("Drones\n\nIran's foreign minister said Tehran had sent a small number of drones to Russia before the war and had agreed with Ukraine's foreign minister to examine any evidence.", "en", "2023-11-01").map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`);
  assert.deepEqual(agreed, ["IRN>RUS uav"]);
});

test("'made clear' approves nothing; what is given back in a barter is no item of the transfer ('in exchange for North Korean shells', « en échange d'obus »)", () => {
  const items = (text: string, lang: string) => article(`Arms\n\n${text}`, lang, "2023-11-01").map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`);
  assert.deepEqual(items("Russia has bought shells from North Korea. The United States has made clear to Seoul the importance of drones.", "en"), ["PRK>RUS ammunition"]);
  assert.deepEqual(items("Russia could supply fighter jets to North Korea in exchange for North Korean shells.", "en"), ["RUS>PRK aircraft"]);
  assert.deepEqual(items("La Russie pourrait livrer des avions de combat à la Corée du Nord en échange d'obus nord-coréens.", "fr"), ["RUS>PRK aircraft"]);
});

test("who voices concern over a transfer, or the state whose envoy does, is no party to it ('has expressed concern with arms sales to Ethiopia')", () => {
  const parties = (text: string, lang: string) => article(`Drones\n\n${text}`, lang, "2021-12-10").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties("The United States has expressed concern with arms sales to Ethiopia, with a focus on drones provided by Turkey.", "en"), ["TUR>ETH"]);
  assert.deepEqual(parties("Washington's envoy raised concerns over the sale of drones by Turkey to Ethiopia.", "en"), ["TUR>ETH"]);
  assert.deepEqual(parties("Les États-Unis ont exprimé leur inquiétude face à la vente de drones à l'Éthiopie par la Turquie.", "fr"), ["TUR>ETH"]);
});

test("what came before a transfer tells no stage of it ('has sold … after the two governments signed a deal'); a sale stands when what is to come is another deal (« a acquis un sous-marin et s'apprête à réceptionner un autre »)", () => {
  const statuses = (text: string, lang: string) => article(`Arms\n\n${text}`, lang, "2021-12-10").map((t) => t.status);
  assert.deepEqual(statuses("Turkey has sold Ethiopia dozens of Bayraktar TB2 drones after the two governments signed a deal in August.", "en"), ["delivered"]);
  assert.deepEqual(statuses("L'Algérie a acquis un sous-marin russe Kilo et s'apprête à réceptionner un autre submersible du même type.", "fr"), ["delivered"]);
});

test("a participle right after its item and before its agent is passive, and agents coordinated after 'by' all supply ('used drones supplied by Turkey and Iran', « des drones fournis par la Turquie »)", () => {
  const parties = (text: string, lang: string) => article(`Drones\n\n${text}`, lang, "2021-12-10").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties("Ethiopia used armed drones supplied by Turkey and Iran.", "en"), ["TUR>ETH", "IRN>ETH"]);
  assert.deepEqual(parties("L'Éthiopie a utilisé des drones armés fournis par la Turquie.", "fr"), ["TUR>ETH"]);
});

test("a person denies for a state named in the same comma segment, not one set off before ('In its response to the Biden administration, Prime Minister Abiy Ahmed's government denied…')", () => {
  const text = "Drones\n\nEthiopia has bought Iranian drones, the officials said. In its response to the Biden administration, Prime Minister Abiy Ahmed's government flatly denied obtaining the Iranian military hardware.";
  const claims = article(text, "en", "2021-12-10").map((t) => `${t.supplier}>${t.recipient} ${t.stance}`);
  assert.deepEqual(claims, ["IRN>ETH asserted", "IRN>ETH denied"]);
});

test("an acronym the text defines by its initials after a name stands for that name ('the Philippine Air Force (PAF)'), one glossed by another name keeps its own reading", () => {
  const recipients = (text: string) => article(`Helicopters\n\n${text}`, "en", "2021-04-10").map((t) => t.recipient);
  assert.deepEqual(recipients("The Philippine Air Force (PAF) has a new fleet. Poland has delivered six S-70i helicopters to the PAF."), ["PHL"]);
  assert.deepEqual(recipients("The National Intelligence Service (PAF) has a new fleet. Poland has delivered six S-70i helicopters to the PAF."), ["PAK"]);
});

test("a demonym before a maker's name gives the item's origin ('Polish-made Sikorsky Black Hawk helicopters')", () => {
  const suppliers = article("Helicopters\n\nManila plans to buy more Polish-made Sikorsky Black Hawk helicopters.", "en", "2021-04-10").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(suppliers, ["POL>PHL"]);
});

test("an intention told with a possessive is a plan ('announced its intention to buy', « son intention d'acquérir »)", () => {
  const statuses = (text: string, lang: string) => article(`Helicopters\n\n${text}`, lang, "2015-06-10").map((t) => t.status);
  assert.deepEqual(statuses("Poland announced its intention to buy 50 Caracal helicopters from Airbus.", "en"), ["negotiating"]);
  assert.deepEqual(statuses("La Pologne a annoncé son intention d'acquérir 50 hélicoptères Caracal.", "fr"), ["negotiating"]);
});

test("in a joint purchase, whom the buyer buys with buys too ('to jointly buy CAESAR guns with Estonia and Armenia', « acheter conjointement »)", () => {
  const parties = (text: string, lang: string) => article(`Canons\n\n${text}`, lang, "2024-06-20").map((t) => `${t.supplier}>${t.recipient}`).sort();
  assert.deepEqual(parties("France has signed an arrangement with Armenia and Estonia to jointly buy CAESAR howitzers.", "en"), ["FRA>ARM", "FRA>EST"]);
  assert.deepEqual(parties("La France a signé un arrangement avec l'Arménie et l'Estonie pour acheter conjointement des canons Caesar.", "fr"), ["FRA>ARM", "FRA>EST"]);
});

test("an order placed with the maker of the system an article is about is for that system ('Croatia has also placed an order with KNDS France')", () => {
  const items = (text: string) => article(`Canons\n\n${text}`, "fr", "2024-06-20").map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`);
  const about = "L'Estonie achète des canons Caesar. Le canon Caesar est fabriqué par KNDS France.";
  assert.deepEqual(items(`${about} La Croatie a également passé une commande auprès de KNDS France.`), ["FRA>EST Caesar", "FRA>HRV CAESAR"]);
});

test("a possessor right after 'to' is where the item goes ('donated 19 F-16s to Ukraine's fight for freedom'); 'Block 15' blocks nothing", () => {
  const claims = (text: string) => article(`Jets\n\n${text}`, "en", "2024-04-20").map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.status}`);
  assert.deepEqual(claims("Denmark has donated 19 F-16s to Ukraine's fight for freedom."), ["DNK>UKR F-16 delivered"]);
  assert.deepEqual(claims("Argentina has bought 24 F-16 Block 15 jets from Denmark."), ["DNK>ARG F-16 delivered"]);
});

test("a state right after a verb of giving is whom it gives to, not the item's origin ('Israel sells Azerbaijan weapons worth billions')", () => {
  const parties = article("Arms\n\nIsrael sells Azerbaijan drones worth billions of dollars.", "en", "2021-03-10").map((t) => `${t.supplier}>${t.recipient}`);
  assert.deepEqual(parties, ["ISR>AZE"]);
});

test("an aside set off by commas between a prospective marker and its verb keeps the transfer to come ('will, in the coming weeks, take delivery')", () => {
  const statuses = (text: string) => article(`Helicopters\n\n${text}`, "en", "2024-01-10").map((t) => t.status);
  assert.deepEqual(statuses("The Nigerian Air Force will, in the coming weeks, take delivery of two attack helicopters from Turkey."), ["offered"]);
  assert.deepEqual(statuses("The Nigerian Air Force will take delivery of two attack helicopters from Turkey."), ["offered"]);
});

test("a denial coordinated after a clause that told an item denies only what follows it, and shares the clause's subject", () => {
  const en = article("Morocco signed for 20 F-35s and denied plans to give its F-16s to Ukraine.", "en", "2024-06-01");
  assert.deepEqual(en.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.stance} ${t.sources.join(",")}`), ["USA>MAR F-35 asserted ", "MAR>UKR F-16 denied Morocco"]);
  const fr = article("Le Maroc signe pour vingt F-35 et dément vouloir céder ses F-16 à l'Ukraine.", "fr", "2024-06-01");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.status} ${t.stance}`), ["USA>MAR F-35 ordered asserted", "MAR>UKR F-16 negotiating denied"]);
  // A denial before any item was told still denies the whole sentence.
  const whole = article("Morocco denied buying F-35s and F-16s from the United States.", "en", "2024-06-01");
  assert.ok(whole.length > 0 && whole.every((t) => t.stance === "denied"));
});

test("what items are intended for ('destinés au porte-avions', 'intended for the carrier') is no item", () => {
  const fr = article("Rafale\n\nL'Inde a commandé 26 Rafale Marine en avril. Les appareils, destinés au porte-avions Vikrant, seront livrés à partir de 2028.", "fr", "2025-04-30");
  assert.deepEqual(fr.map((t) => t.item.category), ["aircraft"]);
  const en = article("Rafale\n\nIndia ordered 26 Rafale M jets in April. The aircraft, intended for the carrier Vikrant, will be delivered from 2028.", "en", "2025-04-30");
  assert.deepEqual(en.map((t) => t.item.category), ["aircraft"]);
});

test("the date of a deal told before does not date a prospect ('had bought 36 Rafales in 2016. Paris hopes to sell…')", () => {
  const claims = article("Rafale\n\nNew Delhi avait déjà acquis 36 Rafale en 2016. Paris espère aussi vendre trois sous-marins Scorpène à l'Inde.", "fr", "2025-04-30");
  const scorpene = claims.find((t) => t.item.name === "Scorpène");
  assert.equal(scorpene?.status, "negotiating");
  assert.equal(scorpene?.time, null);
});

test("a participle set off by a comma after a vendor's product is a passive: its agent supplies, the user before receives", () => {
  const claims = article("Cellebrite\n\nSerbian police used Cellebrite forensic tools, supplied by Norway, to unlock devices.", "en", "2024-12-18");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`), ["NOR>SRB surveillance"]);
});

test("a comma then a finite trigger verb, after a trigger and an item, opens a second predicate ('completes Rafale order, shelves plan for Mirages')", () => {
  const claims = article("Indonesia completes Rafale order, shelves plan for Qatari Mirage 2000-5 jets\n\nIndonesia's Rafale order has entered into force.", "en", "2024-02-15");
  assert.deepEqual(claims.map((t) => `${t.item.name} ${t.status}`).sort(), ["Mirage 2000-5 cancelled", "Rafale ordered"]);
  // ("including", an elaboration, and a participle after the comma go on with the clause.)
  const permits = article("In 2021, Canada cancelled export permits for drone technology to Turkey, including camera systems used on armed drones.");
  assert.deepEqual(permits.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["CAN>TUR cancelled"]);
});

test("a generic noun counts the system of its kind named earlier in the sentence; 'gross domestic product' is no unit", () => {
  const claims = article("Indonesia shelves Mirage 2000 plan\n\nIndonesia dropped its plan to buy Mirage 2000 jets from Qatar. The Mirage 2000 jets were old. Jakarta signed for 42 Rafales in 2022, but the deal came in three tranches: six aircraft first. The president pledged to raise defence spending towards 1.5 percent of gross domestic product.", "en", "2024-02-15");
  assert.ok(!claims.some((t) => t.item.name === "Mirage 2000" && t.quantity === 6), JSON.stringify(claims.map((t) => `${t.item.name} ${t.quantity}`)));
  assert.ok(!claims.some((t) => t.status === "offered"), JSON.stringify(claims.map((t) => t.status)));
});

test("the first of a number handed over is the delivery of the items told before, and the number is their total", () => {
  const claims = article("Gepard\n\nBy late April, Germany had agreed to supply Gepard anti-aircraft guns to Ukraine, and the first of 30 arrived in Ukraine in July.", "en", "2022-10-30");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.quantity} ${t.status}`), ["DEU>UKR Gepard 30 delivered"]);
  const fr = article("Rafale\n\nLa Grèce a commandé des Rafale en 2021, et les premiers des 24 appareils ont été livrés en 2022.", "fr", "2023-01-30");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status}`), ["FRA>GRC 24 delivered"]);
});

test("a participle with its agent after an item described by a demonym is a passive ('des F-16 de conception américaine, cédés par le Danemark')", () => {
  const claims = article("F-16\n\nKiev dispose déjà de F-16 de conception américaine, cédés par le Danemark et les Pays-Bas, dont les premiers sont arrivés l'été dernier.", "fr", "2024-10-01");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["DNK>UKR delivered", "NLD>UKR delivered"]);
});

test("« l'armée de terre » without a demonym is any state's army; deals a demonstrative points back to are no new ones", () => {
  const br = article("Brésil\n\nLe Brésil a commandé quatre frégates MEKO A-100 à l'Allemagne en 2020. Quant à l'armée de terre, elle a reçu à partir de 2009 quelque 250 chars Leopard 1A5 d'occasion, cédés par l'Allemagne.", "fr", "2022-09-02");
  assert.ok(br.some((t) => t.supplier === "DEU" && t.recipient === "BRA" && t.item.name === "Leopard 1A5"), JSON.stringify(br.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`)));
  const back = article("CAESAR\n\nLa France a livré dix-huit canons CAESAR à l'Ukraine en 2022. Le Danemark a commandé quinze CAESAR en 2017.\n\nCes cessions pèsent sur l'armée de Terre : les canons donnés représentaient un quart de son parc.", "fr", "2023-01-31");
  assert.deepEqual(back.map((t) => `${t.supplier}>${t.recipient}`).sort(), ["FRA>DNK", "FRA>UKR"]);
});

test("a bare 'Mistral' beside a ship noun is the Mistral-class ship; beside a missile noun the Mistral missile", () => {
  const ship = article("Mistral\n\nLe premier des deux porte-hélicoptères amphibies de type Mistral achetés par l'Égypte a été remis jeudi à la marine égyptienne.", "fr", "2016-06-03");
  assert.deepEqual(ship.map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`), ["FRA>EGY ship"]);
  const missile = article("Mistral\n\nLa France a livré des missiles sol-air Mistral à l'Ukraine.", "fr", "2023-06-03");
  assert.deepEqual(missile.map((t) => `${t.supplier}>${t.recipient} ${t.item.category}`), ["FRA>UKR air-defence"]);
});

test("a dated clause about 'the order' goes on with the deal even when it tells why, naming other states ('cancelled in 2022 amid fears of US sanctions')", () => {
  const claims = article("Helicopters\n\nIn November 2021 Manila had signed to buy 16 Russian Mi-17 helicopters, but the order was cancelled in 2022 amid fears of US sanctions after Russia's invasion of Ukraine.", "en", "2024-01-15");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["RUS>PHL cancelled"]);
  // Undated, it tells nothing of the deal ("What the deal buys is leverage with Paris").
  const undated = article("Rafale\n\nSerbia signed a contract for 12 Rafale jets from France. What the deal buys is leverage: a relationship with Paris, said Aleksandar Vučić.", "en", "2024-09-01");
  assert.ok(undated.every((t) => t.sources.length === 0), JSON.stringify(undated.map((t) => t.sources)));
});

test("'the first to supply' tells what was done, no hand-over to come", () => {
  const claims = article("Storm Shadow\n\nBritain became the first to supply Storm Shadow missiles to Ukraine in May 2023.", "en", "2024-04-25");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["GBR>UKR delivered"]);
});

test("a designation the catalog writes in capitals, written as a word, needs a noun of its own kind or a count ('the Milan company' is no missile)", () => {
  const ctx = createContext("Colombian agencies had paid the Milan company millions of euros for its Remote Control System spyware.", "en", null, null, defaultCatalog(), lexiconFor("en"));
  findMentions(ctx);
  assert.deepEqual(ctx.mentions.filter((m) => m.kind === "system").map((m) => m.id), ["rcs"]);
  const missiles = article("Milan\n\nLa France a livré des missiles Milan au Liban en 2015.", "fr", "2023-03-08");
  assert.deepEqual(missiles.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`), ["FRA>LBN Milan"]);
});

test("« renonçait aux » cancels; after « que (lui) », the party put after the verb of giving is its subject", () => {
  const cancelled = article("Sous-marins\n\nL'Australie renonçait aux douze sous-marins qu'elle avait commandés à la France en 2016.", "fr", "2021-09-16");
  assert.deepEqual(cancelled.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["FRA>AUS cancelled"]);
  const inverted = article("Sous-marins\n\nCanberra se dotera de huit sous-marins nucléaires, grâce à la technologie que lui fourniront les États-Unis et le Royaume-Uni.", "fr", "2021-09-16");
  assert.deepEqual(inverted.map((t) => `${t.supplier}>${t.recipient}`), ["USA>AUS", "GBR>AUS"]);
});

test("'Block' before a Roman numeral names a version ('Block IV missiles'), no blocked transfer", () => {
  const claims = article("Tomahawk\n\nWashington agreed to supply some older Block IV missiles to Japan alongside the newer Block V.", "en", "2024-01-19");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["USA>JPN offered"]);
});

test("a deal noun set off by a comma before the party ('Under the agreement, Brazil will receive') leaves the party to the verb after it", () => {
  const en = article("Gripen\n\nUnder the agreement, Brazil will receive 36 Gripen E/F fighters from Sweden.", "en", "2023-06-10");
  assert.deepEqual(en.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`), ["SWE>BRA Gripen E"]);
  const fr = article("Gripen\n\nAux termes du contrat, le Brésil recevra 36 Gripen E/F de la Suède.", "fr", "2023-06-10");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`), ["SWE>BRA Gripen E"]);
});

test("a designation the catalog does not know, right before or (in French) right after a generic noun, names the item; a calibre or a layout names none", () => {
  const named = (text: string, lang: string) => article(`Armes\n\n${text}`, lang, "2024-01-15").map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.item.name}`);
  assert.deepEqual(named("Venezuela received VN-4 armoured vehicles from China.", "en"), ["CHN>VEN armoured-vehicle VN-4"]);
  assert.deepEqual(named("Le Sénégal a commandé trois patrouilleurs OPV 58 S à la France.", "fr"), ["FRA>SEN ship OPV 58 S"]);
  assert.deepEqual(named("Lithuania ordered 18 155mm howitzers from France.", "en"), ["FRA>LTU artillery null"]);
  assert.deepEqual(named("Ukraine received 4x4 armoured vehicles from the United States.", "en"), ["USA>UKR armoured-vehicle null"]);
});

test("another source pricing 'the sale' told just before adds its value to the deal, which stays told by its first source", () => {
  const claims = article("Drones\n\nIsraël a vendu trois drones Heron au Maroc, selon le chercheur Jean Exemple.\n\nD'après des documents consultés par Le Monde, la vente aurait été conclue pour 50 millions de dollars.", "fr", "2021-03-10");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.value?.amount} ${t.sources.join(">")}`), ["ISR>MAR 50000000 Jean Exemple"]);
});

test("a hedge in a comment set off after the fact ('in what would make it the first operator', « ce qui en ferait ») hedges nothing of it", () => {
  const en = article("Su-57\n\nAlgeria has received Su-57 fighters from Russia, in what would make it the first foreign operator of the jet.", "en", "2025-02-10");
  assert.deepEqual(stages(en), ["RUS>DZA delivered asserted"]);
  const fr = article("Su-57\n\nL'Algérie a reçu des Su-57 de la Russie, ce qui en ferait le premier client étranger de l'appareil.", "fr", "2025-02-10");
  assert.deepEqual(stages(fr), ["RUS>DZA delivered asserted"]);
});

test("an order and a delivery of it years later, in one voice, are one deal; two deliveries years apart stay two", () => {
  const claims = article("Rafale\n\nIndia signed a contract for 36 Rafale jets with France in September 2016. France delivered the first five Rafale jets to India in July 2020.", "en", "2021-01-10");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status} ${t.time?.from}..${t.time?.to}`), ["FRA>IND 36 delivered 2016-09..2020-07"]);
  const batches = article("TB2\n\nTurkey delivered Bayraktar TB2 drones to Ukraine in 2019. Turkey delivered more TB2 drones to Ukraine in 2022.", "en", "2023-01-10");
  assert.equal(batches.length, 2, JSON.stringify(batches.map((t) => t.time)));
});

test("states coordinated after 'developed by' are makers, the first standing for the seller, none a buyer", () => {
  const claims = article("BrahMos\n\nThe Philippines said on Friday it will acquire three batteries of the BrahMos cruise missile jointly developed by India and Russia in a deal worth $375 million.", "en", "2022-01-14");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient}`), ["IND>PHL"]);
});

test("'was set to become the first country to buy' is a purchase still to come", () => {
  const claims = article("BrahMos\n\nIn December 2019 the Philippines was set to become the first country to buy the BrahMos missile system from India.", "en", "2022-01-14");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["IND>PHL negotiating"]);
});

test("capitalised plurals of words of things ('Priority Projects') name no person", () => {
  const ctx = createContext("The office approved its inclusion in the Horizon 2 Priority Projects in 2020, he added.", "en", null, null, defaultCatalog(), lexiconFor("en"));
  findMentions(ctx);
  assert.deepEqual(ctx.mentions.filter((m) => m.kind === "person").map((m) => m.label), []);
});

test("whom a buyer pays is the seller ('Nigeria paid the United States $462 million for 12 Super Tucano aircraft')", () => {
  const claims = article("Tucano\n\nNigeria paid the United States $462 million for 12 Super Tucano aircraft in 2018.", "en", "2021-07-22");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity}`), ["USA>NGA 12"]);
});

test("a seller guessed from the make gives way to the one told before for the same item and buyer; 'the first batch of 12' over a generic noun is that deal's delivery", () => {
  const text = "Nigeria receives A-29 Super Tucano jets\n\nNigeria has taken delivery of six A-29 Super Tucano aircraft from the United States.\n\nThe aircraft, the first batch of 12 ordered jets, arrived in Kano on Thursday.\n\nA statement confirming the arrival of the jets made available by the spokesman of the Nigerian Air Force (NAF), Edward Gabkwet, said the aircraft landed in Kano at noon.";
  const claims = article(text, "en", "2021-07-23");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status}`), ["USA>NGA 12 delivered"]);
});

test("'halted sales to Serbia' cancels ('to' before a party is no infinitive); a hedge word after 'after' hedges the cause, not the transfer", () => {
  const en = article("Cellebrite\n\nCellebrite halted sales to Serbia after allegations of misuse of its phone-unlocking tools.", "en", "2025-02-26");
  assert.deepEqual(stages(en), ["ISR>SRB cancelled asserted"]);
  const fr = article("Cellebrite\n\nCellebrite a suspendu ses ventes à la Serbie après des accusations d'abus.", "fr", "2025-02-26");
  assert.deepEqual(stages(fr), ["ISR>SRB cancelled asserted"]);
});

test("'is donating' is a donation announced, not yet handed over", () => {
  const claims = article("F-16\n\nDenmark is donating 19 F-16 aircraft to Ukraine.", "en", "2024-03-26");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status}`), ["DNK>UKR 19 offered"]);
});

test("a state using a forensic tool 'to unlock' or 'breaking into' phones holds it; who published the report alleging it speaks", () => {
  const kenya = article("Cellebrite\n\nOn Tuesday, researchers at Citizen Lab published a report alleging that the Kenyan government used Cellebrite's tools to unlock the phone of the activist Boniface Mwangi.", "en", "2025-09-10");
  assert.deepEqual(kenya.map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.stance} ${t.sources.join(">")} ${t.targets.join(",")}`), ["ISR>KEN surveillance alleged Citizen Lab Boniface Mwangi"]);
  const jordan = article("Cellebrite\n\nCitizen Lab accused the Jordanian government of breaking into the phones of activists using Cellebrite's tools.", "en", "2026-01-20");
  assert.deepEqual(jordan.map((t) => `${t.supplier}>${t.recipient} ${t.stance} ${t.sources.join(">")}`), ["ISR>JOR alleged Citizen Lab"]);
});

test("denying a use of what the same sentence says was bought denies no purchase; a person's allies denying are told as written", () => {
  const admitted = article("Pegasus\n\nPoland's most powerful politician has acknowledged that the country bought spyware from NSO Group but denied that it was used to target his opponents.", "en", "2022-01-07");
  assert.deepEqual(admitted.map((t) => `${t.supplier}>${t.recipient} ${t.stance} ${t.sources.join(">")}`), ["ISR>POL asserted Poland's most powerful politician"]);
  const allies = article("Pegasus\n\nJaroslaw Kaczynski, the leader of the ruling party, said the services had the tool. Kaczynski's allies had denied that Poland purchased Pegasus.", "en", "2022-01-07");
  assert.deepEqual(allies.filter((t) => t.stance === "denied").map((t) => t.sources), [["Kaczynski's allies"]]);
});

test("a delivery noun after a preposition with its date still expected ('with delivery originally expected by', « avec une livraison prévue en ») leaves the deal ordered", () => {
  const en = article("Submarine\n\nThailand signed a deal for a Yuan-class submarine from China in 2017, with delivery originally expected by 2023.", "en", "2022-03-01");
  assert.deepEqual(en.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["CHN>THA ordered"]);
  const fr = article("Sous-marin\n\nLa Thaïlande a signé en 2017 un contrat avec la Chine pour un sous-marin, avec une livraison prévue en 2023.", "fr", "2022-03-01");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["CHN>THA ordered"]);
});

test("who supplies whom ('Taiwan's only arms supplier') is no stage of a deal told beside it; one naming no recipient of its own stands for none", () => {
  const text = "Taiwan\n\nThe State Department has approved the sale of 108 M1A2T Abrams tanks to Taiwan, according to a DSCA statement.\n\nThe United States is Taiwan's only arms supplier.";
  const claims = article(text, "en", "2019-07-09");
  const tanks = claims.find((t) => t.item.category === "armoured-vehicle");
  assert.equal(`${tanks?.status} ${tanks?.sources.join(">")}`, "offered Defense Security Cooperation Agency");
  const region = article("Drones\n\nChina exported drones to Egypt in 2018. China has become the leading supplier of armed drones to the Middle East.", "en", "2019-07-09");
  assert.deepEqual(region.map((t) => `${t.supplier}>${t.recipient}`), ["CHN>EGY"]);
});

test("a generic item of a named maker is not a system another maker makes ('Pinaka… an artillery system from Bharat Forge')", () => {
  const claims = article("Armenia\n\nArmenia bought Pinaka rocket launchers from India in 2022. Armenia also ordered an artillery gun from the Indian company Bharat Forge.", "en", "2023-07-28");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.maker}`), ["IND>ARM Pinaka null", "IND>ARM null Bharat Forge"]);
});

test("items that 'have reached' or 'made their way to' a state arrived there, through the state named after 'via'", () => {
  const reached = article("Pinaka\n\nIndian Pinaka rocket launchers have reached Armenia via Iran.", "en", "2023-07-28");
  assert.deepEqual(reached.map((t) => `${t.supplier}>${t.recipient} ${t.intermediary} ${t.status}`), ["IND>ARM IRN delivered"]);
  const way = article("Pinaka\n\nIndian Pinaka rocket launchers made their way to Armenia.", "en", "2023-07-28");
  assert.deepEqual(way.map((t) => `${t.supplier}>${t.recipient}`), ["IND>ARM"]);
});

test("what 'the deal' told again holds, in the same voice, is part of it; deliveries « prévues entre » two years are still to come", () => {
  const claims = article("Gripen\n\nSaab a signé le contrat d'achat de 17 avions Gripen E/F avec la Colombie, avec des livraisons prévues entre 2026 et 2032. L'accord est valorisé à 3,1 milliards d'euros et comprend 15 Gripen E et 2 Gripen F.", "fr", "2025-11-16");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status} ${t.value?.amount}`), ["SWE>COL 17 ordered 3100000000"]);
});

test("a cancellation naming no item but a party of a deal told shortly before ends that deal (« a rompu ses contrats avec Rome »)", () => {
  const fr = article("Graphite\n\nL'Italie a acheté le logiciel espion Graphite à la société israélienne Paragon.\n\nFace aux critiques, l'entreprise israélienne a rompu ses contrats avec Rome.", "fr", "2025-06-10");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.status}`), ["ISR>ITA Graphite cancelled"]);
  const en = article("Graphite\n\nItaly bought the Graphite spyware from Paragon.\n\nParagon later cancelled its contracts with Italy.", "en", "2025-06-10");
  assert.deepEqual(en.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["ISR>ITA cancelled"]);
});

test("a bare count before words for what kind of copies ('en a racheté 12 d'occasion') counts the system the article is about", () => {
  const claims = article("Rafale\n\nLa Serbie a signé un contrat pour 12 Rafale. Le Rafale est produit par Dassault.\n\nLa Croatie en a racheté 12 d'occasion.", "fr", "2024-08-29");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.quantity}`), ["FRA>SRB Rafale 12", "FRA>HRV Rafale 12"]);
});

test("« l'espionnage de journalistes par le gouvernement mexicain » names who spied, in an article about Pegasus", () => {
  const claims = article("Pegasus\n\nLa polémique enfle après l'affaire d'espionnage de journalistes par le gouvernement mexicain. Le logiciel Pegasus est vendu par la société israélienne NSO Group.", "fr", "2017-06-21");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`), ["ISR>MEX Pegasus"]);
});

test("where items were built ('fabriqués en Pologne') is no party; a compound count ('vingt et un Black Hawk') cues a designation", () => {
  const built = article("Hélicoptères\n\nLa Slovaquie a acheté neuf Black Hawk américains fabriqués en Pologne.", "fr", "2016-10-12");
  assert.deepEqual(built.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.quantity}`), ["USA>SVK Black Hawk 9"]);
  const counted = article("Hélicoptères\n\nLa Pologne a annoncé l'achat de vingt et un Black Hawk aux États-Unis.", "fr", "2016-10-12");
  assert.deepEqual(counted.map((t) => `${t.supplier}>${t.recipient} ${t.item.name} ${t.quantity}`), ["USA>POL Black Hawk 21"]);
});

test("a deal of other goods ('le contrat … concernant le cobalt et le cuivre, signé en 2008') tells nothing of the arms deal told before", () => {
  const claims = article("Drones\n\nLa RDC vient de recevoir trois drones CH-4 de la Chine. Les présidents parleront aussi du contrat du siècle, concernant le cobalt et le cuivre, signé en 2008.", "fr", "2023-05-24");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.time?.from ?? null}`), ["CHN>COD null"]);
});

test("a French state body before its demonym denying (« les autorités marocaines ont démenti ») is named whole", () => {
  const claims = article("Pegasus\n\nLes autorités marocaines ont démenti avoir acheté le logiciel Pegasus à Israël.", "fr", "2021-07-20");
  assert.deepEqual(claims.map((t) => `${t.stance} ${t.sources.join(">")}`), ["denied autorités marocaines"]);
});

test("'out of 180 ordered' after a first batch is the deal's count; 'has stopped supplying' cancels a supply to the state named", () => {
  const en = article("Tanks\n\nPoland has received the first batch of 10 K2 tanks from South Korea, out of 180 ordered in 2022.", "en", "2024-06-15");
  assert.deepEqual(en.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status}`), ["KOR>POL 180 delivered"]);
  const fr = article("Chars\n\nLa Pologne a reçu dix chars K2 de la Corée du Sud, sur les 180 commandés en 2022.", "fr", "2024-06-15");
  assert.deepEqual(fr.map((t) => `${t.supplier}>${t.recipient} ${t.quantity}`), ["KOR>POL 180"]);
  const stopped = article("Eurofighter\n\nGermany has stopped supplying Eurofighter jets to Saudi Arabia.", "en", "2019-06-15");
  assert.deepEqual(stopped.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["DEU>SAU cancelled"]);
});

test("« a fait l'acquisition de » is a purchase made, as « a acquis »", () => {
  const claims = article("Satellites\n\nLe Maroc a fait l'acquisition de deux satellites d'observation français.", "fr", "2019-06-15");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.quantity} ${t.status}`), ["FRA>MAR 2 delivered"]);
});

test("« pour livrer », a purpose, tells a delivery still to come; « a reçu … pour renforcer » is a delivery made", () => {
  const purpose = article("Apache\n\nLes termes d'une transaction passée entre l'armée marocaine et le Pentagone, pour livrer au Maroc des hélicoptères Apache, ont été dévoilés.", "fr", "2019-06-15");
  assert.deepEqual(purpose.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["USA>MAR offered"]);
  const received = article("Apache\n\nLe Maroc a reçu six hélicoptères Apache pour renforcer sa défense.", "fr", "2025-03-15");
  assert.deepEqual(received.map((t) => `${t.supplier}>${t.recipient} ${t.status}`), ["USA>MAR delivered"]);
});

test("a denial closing the sentence ('…to Russia as baseless') is its subject's, not the party the transfer went to", () => {
  const claims = article("Drones\n\nIran dismissed reports that it had sold drones to Russia as baseless.", "en", "2022-07-20");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.stance} ${t.sources.join(">")}`), ["IRN>RUS denied Iran"]);
});

test("a word for software beside an ambiguous name ('le logiciel Predator') names the spyware, not the drone", () => {
  const ctx = createContext("Le gouvernement a acheté le logiciel Predator à la société Intellexa.", "fr", null, null, defaultCatalog(), lexiconFor("fr"));
  findMentions(ctx);
  assert.deepEqual(ctx.mentions.filter((m) => m.kind === "system").map((m) => `${m.id} ${m.category}`), ["predator spyware"]);
  const drone = createContext("L'armée a reçu des drones Predator.", "fr", null, null, defaultCatalog(), lexiconFor("fr"));
  findMentions(drone);
  assert.deepEqual(drone.mentions.filter((m) => m.kind === "system").map((m) => m.category), ["uav"]);
});

test("spyware the catalog does not know is named by the word beside its noun (« le logiciel espion NoviSpy »), not by the document's other spyware", () => {
  const claims = article("Espions\n\nLe Rwanda a démenti toute utilisation du logiciel Pegasus.\n\nSelon Amnesty International, les autorités serbes ont utilisé le logiciel espion NoviSpy pour infecter le téléphone de journalistes.\n\nL'Espagne a été accusée d'avoir espionné des dirigeants catalans avec Pegasus.", "fr", "2024-12-16");
  assert.ok(!claims.some((t) => t.recipient === "SRB" && t.item.name === "Pegasus"), JSON.stringify(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.name}`)));
});

test("« a démenti jeudi toute utilisation du logiciel Pegasus » denies a use, and the day dates only the denial", () => {
  const claims = article("Espions\n\nLe Rwanda a démenti jeudi toute utilisation du logiciel Pegasus.", "fr", "2021-07-22");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.stance} ${t.time?.from ?? null}`), ["ISR>RWA denied null"]);
});

test("an aid package only announced ('announced a $400 million military aid package for Ukraine') is offered, over the sum", () => {
  const claims = article("Aid\n\nThe Pentagon announced a $400 million military aid package for Ukraine that includes HIMARS launchers.", "en", "2022-11-05");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.status} ${t.value?.amount}`), ["USA>UKR offered 400000000"]);
});

test("« s'offrir » is to buy for oneself: the subject is the buyer, « auprès de » the seller; « offert à » still gives", () => {
  assert.deepEqual(stages(article("Drones\n\nLe Maroc s'est offert 24 hélicoptères Apache auprès des États-Unis.", "fr")), ["USA>MAR delivered asserted"]);
  assert.deepEqual(stages(article("Drones\n\nL'Inde va s'offrir 26 Rafale.", "fr")), ["FRA>IND negotiating asserted"]);
  assert.deepEqual(stages(article("Drones\n\nLa France a offert deux patrouilleurs au Sénégal.", "fr")), ["FRA>SEN delivered asserted"]);
});

test("a deal that 'fell through' or « a capoté » is cancelled, also before a date ('fell through last year')", () => {
  assert.deepEqual(stages(article("Drones\n\nIsrael's sale of Heron drones to Morocco fell through last year.")), ["ISR>MAR cancelled asserted"]);
  assert.deepEqual(stages(article("Drones\n\nLa vente de drones Heron par Israël au Maroc a capoté.", "fr")), ["ISR>MAR cancelled asserted"]);
});

test("who seizes or intercepts a shipment is no party of it; the items' origin sends it, and the shipment reached no stage", () => {
  assert.deepEqual(stages(article("Arms\n\nThe Ruritanian navy seized a shipment of Iranian weapons bound for the Houthis.")), ["IRN>nsa:Houthis unknown asserted"]);
  assert.deepEqual(stages(article("Arms\n\nA shipment of Iranian missiles bound for the Houthis was intercepted by the US Navy.")), ["IRN>nsa:Houthis unknown asserted"]);
  assert.deepEqual(stages(article("Armes\n\nLa marine américaine a intercepté une cargaison d'armes iraniennes destinées aux Houthis.", "fr")), ["IRN>nsa:Houthis unknown asserted"]);
  // Equipment for intercepting communications is an item, no seizure.
  assert.deepEqual(stages(article("Armes\n\nLa France a livré des équipements d'interception au Maroc.", "fr")), ["FRA>MAR delivered asserted"]);
});

test("a generic noun qualifying what is no hand-over ('the arms embargo', « l'embargo sur les armes ») names no item", () => {
  assert.deepEqual(article("Arms\n\nIran said Washington was looking for excuses to provide Israel with a reason to extend the arms embargo on Tehran."), []);
  assert.deepEqual(article("Armes\n\nParis veut prolonger l'embargo sur les armes qui vise la Russie.", "fr"), []);
  assert.deepEqual(stages(article("Arms\n\nIran delivered weapons to the Houthis despite the arms embargo.")), ["IRN>nsa:Houthis delivered asserted"]);
});

test("rocket-propelled grenades are small arms, one item, not a rocket and a grenade", () => {
  const claims = article("Arms\n\nIran shipped 200 rocket-propelled grenades to the Huthis.");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.quantity}`), ["IRN>nsa:Houthis small-arms 200"]);
});

test("an acronym ending in a capital S is no plural of a shorter one ('NISS' is not the NIS); 'Security Service' is no person", () => {
  const text = "Spyware\n\nThe tools were used by the National Intelligence and Security Service (NISS) of Sudan, which bought them from Hacking Team.";
  const ctxMentions = extract({ id: "t", text, lang: "en", published: "2015-07-06" }).transfers;
  assert.deepEqual(ctxMentions.map((t) => `${t.supplier}>${t.recipient}`), ["ITA>SDN"]);
});

test("a list 'ranging from' one state to another names users, no seller", () => {
  const claims = article("Spyware\n\nClients using Hacking Team's surveillance tools range from Australia to Sudan.");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient}`).sort(), ["ITA>AUS", "ITA>SDN"]);
});

test("a state's body after its possessive ('Morocco's police', 'Morocco's intelligence services') hacks for it; 'the city's police' is the state named before in the sentence", () => {
  assert.deepEqual(stages(article("Spyware\n\nMorocco's police hacked their phones with Pegasus.")), ["ISR>MAR delivered asserted"]);
  assert.deepEqual(stages(article("Spyware\n\nMorocco's intelligence services used Pegasus to hack their phones.")), ["ISR>MAR delivered asserted"]);
  assert.deepEqual(stages(article("Spyware\n\nActivists in Hong Kong said the city's police used Cellebrite to break into their phones.")), ["ISR>HKG delivered asserted"]);
});

test("the system a version is made from is no item: FK-3 missiles, \"the export version of the HQ-22\", are FK-3s", () => {
  assert.deepEqual(article("Missiles\n\nThe delivery was a battery of FK-3 missiles, the export version of the HQ-22 system. China delivered three FK-3 systems to Serbia.").map((t) => t.item.name), ["FK-3"]);
});

test("'is set to sign/finalise a contract' is under negotiation; a present participle after the deal ('…, delivering 180 tanks') holds the deal's stage", () => {
  assert.deepEqual(stages(article("Tanks\n\nSouth Korea is set to finalise a contract to export K2 tanks to Poland.")), ["KOR>POL negotiating asserted"]);
  assert.deepEqual(stages(article("Tanks\n\nSeoul is set to sign its largest export deal this month, delivering 180 K2 tanks to Poland.")), ["KOR>POL negotiating asserted"]);
  assert.deepEqual(stages(article("Tanks\n\nPoland signed a contract to buy K2 tanks from South Korea.")), ["KOR>POL ordered asserted"]);
});

test("a list goes on after ', and' from a generic noun to a designation ('K9 howitzers, and FA-50 aircraft')", () => {
  const claims = article("Arms\n\nWarsaw signed deals to acquire K2 tanks, K9 self-propelled howitzers, and FA-50 light attack aircraft from South Korea.");
  assert.deepEqual(claims.map((t) => t.item.name), ["K2", "K9", "FA-50"]);
});

test("a perfect conditional after « affirme que » (« Rabat aurait acheté ») hedges a purchase made, it is no future of then", () => {
  assert.deepEqual(stages(article("Satellites\n\nLe Monde affirme que Rabat aurait acheté deux satellites Ofek 13 à Israël.", "fr")), ["ISR>MAR delivered alleged"]);
});

test("a noun coordinated after a designation is another item ('Shahed drones and artillery shells'); ', but also' / « mais également » goes on with the list", () => {
  const items = (text: string, lang = "en") => article(`Arms\n\n${text}`, lang).map((t) => `${t.item.name ?? ""}:${t.item.category}`);
  assert.deepEqual(items("Iran delivered Shahed drones and artillery shells to Russia."), ["Shahed:uav", ":ammunition"]);
  assert.deepEqual(items("Iran has delivered Shahed drones to Russia, but also Dehlavieh anti-tank missiles."), ["Shahed:uav", "Dehlavieh:missile"]);
  assert.deepEqual(items("L'Iran a livré des drones Shahed à la Russie, mais également des munitions d'artillerie et des missiles Fath-360.", "fr"), ["Shahed:uav", ":ammunition", "Fath-360:missile"]);
});

test("a demonym of a place (« à la frontière kazakhe », 'the Kazakh border') is where, no party", () => {
  const claims = article("Armes\n\nL'Iran aurait livré des missiles à la Russie et des instructeurs iraniens seraient envoyés à la frontière kazakhe.", "fr");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient}`), ["IRN>RUS"]);
});

test("military aid told without its items hands over arms unnamed, and 'the package contains:' with a list of lines names them", () => {
  const text = "Aid\n\nThe administration of the President of the United States will soon send a new package of military aid to Ukraine, officials said.\n\nAccording to the officials, the package contains:\n\n→ missiles for air defense systems;\n\n→ artillery shells of various calibers.";
  const claims = extract({ id: "t", text, lang: "en", published: "2024-08-20" }).transfers;
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.status}`).sort(), ["USA>UKR ammunition offered", "USA>UKR missile offered"]);
});

test("what items are used against or made to combat ('for combating drones', 'against Russian tanks') is no item", () => {
  assert.deepEqual(article("Drones\n\nTurkey supplied Ukraine with drones used against Russian tanks.").map((t) => t.item.category), ["uav"]);
  assert.deepEqual(article("Drones\n\nThe US will send Ukraine missiles for combating drones.").map((t) => t.item.category), ["missile"]);
});

test("a surveillance maker with no catalogued product stands for surveillance technology; the state it helped spy is the recipient ('helped Ugandan authorities spy on')", () => {
  const claims = article("Spyware\n\nHuawei technicians helped Ugandan authorities spy on opposition figures, The Wall Street Journal reported.");
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.sources.join(">")}`), ["CHN>UGA surveillance The Wall Street Journal"]);
});

test("a vessel intercepted that 'was carrying' arms to a party carries a shipment stopped; 'the cargo included' names its items, stopped too; 'off Yemen's coast' is a place", () => {
  const text = "Arms\n\nThe minister said the navy intercepted a vessel off Yemen's coast on June 28 that was carrying Iranian weapons to the Huthis.\n\nThe cargo included 200 rocket-propelled grenades and 1,700 assault rifles, the minister said.";
  const claims = extract({ id: "t", text, lang: "en", published: "2020-07-10" }).transfers;
  assert.deepEqual(claims.map((t) => `${t.supplier}>${t.recipient} ${t.item.category} ${t.quantity} ${t.status}`).sort(), ["IRN>nsa:Houthis small-arms 1700 unknown", "IRN>nsa:Houthis small-arms 200 unknown"]);
});

test("a denier named by an office and its demonym (« le ministre français de la Défense dément ») is that office, not the demonym; « cartouches de fusil » are one munition", () => {
  const claims = article("Armes\n\nLe ministre français de la Défense dément les allégations selon lesquelles la France aurait fourni des cartouches de fusil à Israël.", "fr");
  assert.deepEqual(claims.map((t) => `${t.item.category} ${t.stance} ${t.sources.join(">")}`), ["ammunition denied ministre français de la Défense"]);
});

test("who 'suspects' (« soupçonnent ») a state of routing arms tells it, alleged; « acheminer » hands over; a perfect infinitive ('to have been supplied') is no future", () => {
  assert.deepEqual(article("Armes\n\nLes Nations unies soupçonnent les Émirats arabes unis d'acheminer des armes aux Forces de soutien rapide.", "fr").map((t) => `${t.supplier}>${t.recipient} ${t.status} ${t.stance} ${t.sources.join(">")}`), ["ARE>nsa:Rapid Support Forces delivered alleged Nations unies"]);
  assert.deepEqual(stages(article("Arms\n\nThe drones were suspected to have been supplied by Iran to Russia.")), ["IRN>RUS delivered alleged"]);
});

test("a verb of use whose object is the means of a hand-over told after it ('utilisent cet aéroport pour acheminer des armes') uses no item", () => {
  assert.deepEqual(article("Armes\n\nLes Émirats arabes unis utilisent cet aéroport pour acheminer des armes aux Forces de soutien rapide.", "fr").map((t) => `${t.supplier}>${t.recipient}`), ["ARE>nsa:Rapid Support Forces"]);
});

test("talks over a sale: its direct object, or a sale after 'with' the other side, make the talks' subject the seller", () => {
  const rows = (text: string, lang = "en") => article(text, lang).map((c) => [c.supplier, c.recipient, c.status]);
  assert.deepEqual(rows("Israel was negotiating the sale of drones to Morocco."), [["ISR", "MAR", "negotiating"]]);
  assert.deepEqual(rows("Israel was negotiating with Morocco over the sale of drones."), [["ISR", "MAR", "negotiating"]]);
  assert.deepEqual(rows("Morocco was negotiating with Israel over the purchase of drones."), [["ISR", "MAR", "negotiating"]]);
  assert.deepEqual(rows("La France négocie la vente de chars à l'Inde.", "fr"), [["FRA", "IND", "negotiating"]]);
});

test("a bare count with 'more' after a deal is a further deal of that item, the parties it leaves out taken from it", () => {
  const rows = (text: string) => article(text, "en", "2025-01-15").map((c) => [c.supplier, c.recipient, c.item.name, c.quantity, c.status]);
  assert.deepEqual(rows("The Netherlands will donate 18 F-16 jets to Ukraine. Norway will send six more."), [["NLD", "UKR", "F-16", 18, "offered"], ["NOR", "UKR", "F-16", 6, "offered"]]);
  // (A verb in "-ed" after a comma, with a count as its object, is a second predicate, and "to Ukraine, delivered" no infinitive.)
  assert.deepEqual(rows("Egypt bought 24 Rafale jets in 2015, ordered 30 more in 2021."), [["FRA", "EGY", "Rafale", 24, "delivered"], ["FRA", "EGY", "Rafale", 30, "ordered"]]);
  assert.deepEqual(rows("Norway donated 12 tanks to Ukraine, sent 8 more in 2024.").map((r) => r[4]), ["delivered", "delivered"]);
});

test("only 'and' / 'or' go on with a list of parties: ', while Norway' opens a clause of its own", () => {
  assert.deepEqual(article("The Netherlands will donate 18 F-16 jets to Ukraine, while Norway pledged six more.").map((c) => [c.supplier, c.quantity]), [["NLD", 18], ["NOR", 6]]);
});

test("rivals an item was chosen over are set aside ('chose 36 F-35As over the Rafale, the Super Hornet and the Eurofighter')", () => {
  const rows = (text: string, lang = "en") => article(text, lang, "2021-12-11").map((c) => [c.supplier, c.recipient, c.item.name]);
  assert.deepEqual(rows("In June, Switzerland chose 36 F-35As over the Rafale, the Super Hornet and the Eurofighter, and picked the Patriot system over the SAMP/T."), [["USA", "CHE", "F-35"], ["USA", "CHE", "Patriot"]]);
  assert.deepEqual(rows("La Suisse a choisi 36 F-35A au détriment du Rafale et de l'Eurofighter.", "fr"), [["USA", "CHE", "F-35A"]]);
});

test("an item offering something is no offer ('the F-35 had offered the best overall package')", () => {
  assert.deepEqual(article("The minister told reporters in Helsinki that the F-35 had offered the best overall package."), []);
  assert.deepEqual(article("The minister said the F-35 had offered the best overall package to Finland."), []);
  assert.deepEqual(article("The minister said the United States had offered F-35 jets to Finland.").map((c) => [c.supplier, c.recipient, c.status]), [["USA", "FIN", "offered"]]);
});

test("'It' opening a sentence with a party's verb after it is the state the sentence before opened with", () => {
  assert.deepEqual(article("Poland was first in the region to commit. It signed for 32 F-35As in 2020.").map((c) => [c.supplier, c.recipient, c.quantity]), [["USA", "POL", 32]]);
});

test("', and four Gowind corvettes' after a date goes on with the list of items sold; a ship 'sailed into' port arrived", () => {
  assert.deepEqual(article("France sold Egypt 24 Rafale fighters in 2015, and four Gowind corvettes.").map((c) => [c.item.name, c.quantity]), [["Rafale", 24], ["Gowind", 4]]);
  assert.deepEqual(article("The second of two FREMM frigates that Egypt bought from Italy sailed into Alexandria on Wednesday, completing a deal.", "en", "2021-04-16").map((c) => c.status), ["delivered"]);
});

test("a noun of weapons right beside an ambiguous name is its cue ('Gepard guns', 'Marder vehicles')", () => {
  assert.deepEqual(article("Germany sent Gepard guns and Marder vehicles to Ukraine.").map((c) => c.item.name), ["Gepard", "Marder"]);
});

test("what the items are to shoot down or intercept, in a list, is no item ('to shoot down Shahed drones and Kalibr missiles', « abattre des drones »)", () => {
  assert.deepEqual(article("Germany sent Gepard guns to Ukraine to shoot down Shahed drones and Kalibr missiles.").map((c) => c.item.name), ["Gepard"]);
  assert.deepEqual(article("La France a livré des Mirage 2000-5 à l'Ukraine, qui devraient servir à abattre des missiles de croisière et des drones Shahed.", "fr").map((c) => c.item.name), ["Mirage 2000-5"]);
});

test("parties each before a bare count after the first deal ('…, Denmark 19 and Norway six') do what its subject did", () => {
  const rows = (text: string, lang = "en") => article(text, lang, "2025-02-07").map((c) => [c.supplier, c.recipient, c.quantity]);
  assert.deepEqual(rows("The Netherlands pledged 24 F-16 jets to Ukraine, Denmark 19 and Norway six."), [["NLD", "UKR", 24], ["DNK", "UKR", 19], ["NOR", "UKR", 6]]);
  assert.deepEqual(rows("Les Pays-Bas ont promis 24 F-16 à l'Ukraine, le Danemark 19 et la Norvège six.", "fr"), [["NLD", "UKR", 24], ["DNK", "UKR", 19], ["NOR", "UKR", 6]]);
  // (One party and a count after the verb is its object: "sold Turkey 4 batteries".)
  assert.deepEqual(rows("Russia sold Turkey 4 S-400 batteries."), [["RUS", "TUR", 4]]);
});

test("weapons that strike or bombard ('missile strikes', « bombardements de missiles et de drones ») are no items handed over", () => {
  assert.deepEqual(article("France delivered Mirage jets to Ukraine, which suffers near-daily Russian missile strikes.").map((c) => c.item.category), ["aircraft"]);
  assert.deepEqual(article("La France a livré des Mirage 2000-5 à l'Ukraine, qui subit des bombardements quasi quotidiens de missiles et de drones russes.", "fr").map((c) => c.item.category), ["aircraft"]);
});

test("a party in a relative that tells no transfer, or a body where it was said set off before the verb, is no party", () => {
  const rows = (text: string) => article(text, "fr", "2024-01-19").map((c) => [c.supplier, c.recipient, c.item.name]);
  assert.deepEqual(rows("Emmanuel Macron a promis des missiles Scalp à l'Ukraine, dont les frappes sont appréciées par l'état-major ukrainien."), [["FRA", "UKR", "Scalp"]]);
  assert.deepEqual(rows("L'Ukraine attend des armes. Mardi, lors de sa conférence de presse à l'Élysée, Emmanuel Macron a promis des missiles Scalp à l'Ukraine.").map((r) => r.slice(0, 2)), [["FRA", "UKR"]]);
  // (With no recipient named, neither the body nor the relative's party is taken for one.)
  const unnamed = article("L'Ukraine attend des armes. Mardi, lors de sa conférence de presse à l'Élysée, Emmanuel Macron avait promis une quarantaine de missiles Scalp supplémentaires, dont les frappes sont appréciées par l'état-major ukrainien.", "fr", "2024-01-19");
  assert.deepEqual(unnamed.filter((c) => c.supplier === "UKR" || c.recipient === "FRA"), []);
});

test("a maker's name with a demonym after it names that state's aircraft, no buyer (« aux MiG et aux Sukhoï ukrainiens »)", () => {
  const claims = article("L'Ukraine reçoit des armes françaises. Le ministre a annoncé l'envoi de bombes guidées AASM Hammer de Safran, des munitions que les ingénieurs français sont parvenus à adapter aux MiG et aux Sukhoï ukrainiens.", "fr");
  assert.deepEqual(claims.filter((c) => c.item.name === "AASM Hammer").map((c) => [c.supplier, c.recipient]), [["FRA", "UKR"]]);
});

test("a state that speaks is the seller of what it tells only when the items' origin does not say otherwise", () => {
  assert.deepEqual(article("Missiles iraniens pour Moscou : Washington affirme que les premières livraisons ont eu lieu\n\nTexte.", "fr").map((c) => [c.supplier, c.recipient]), [["IRN", "RUS"]]);
  assert.deepEqual(article("Washington said it would sell French-made jets to Greece.").map((c) => [c.supplier, c.recipient]), [["USA", "GRC"]]);
});

test("a conditional coordinated after a hand-over, of another predicate, hedges nothing of it (« a reçu des missiles … et pourrait les utiliser »)", () => {
  assert.deepEqual(article("La Russie a reçu des missiles balistiques fournis par l'Iran et pourrait les utiliser contre l'Ukraine.", "fr", "2024-09-11").map((c) => [c.status, c.stance]), [["delivered", "asserted"]]);
  assert.deepEqual(article("La Russie pourrait recevoir des missiles iraniens.", "fr", "2024-09-11").map((c) => [c.status, c.stance]), [["offered", "alleged"]]);
});

test("vehicles that land carrying the items are no items, and whose vehicles they are sends them ('Y-20 planes landed in Belgrade carrying the FK-3')", () => {
  assert.deepEqual(article("Six Chinese air force Y-20 transport planes landed in Belgrade in April 2022 carrying the FK-3 system.", "en", "2024-08-31").map((c) => [c.supplier, c.recipient, c.item.name]), [["CHN", "SRB", "FK-3"]]);
  assert.deepEqual(article("Turkey sold TB2 drones carrying MAM-L munitions to Ethiopia.").map((c) => c.item.name), ["TB2"]);
});

test("after a colon, a party opening a segment with a trigger opens a clause ('…donated in recent years: Russia gave Serbia six MiG-29s')", () => {
  assert.deepEqual(article("The air force flies mostly MiG-29 fighters, several of them donated in recent years: Russia gave Serbia six MiG-29s in 2017.", "en", "2024-08-31").map((c) => [c.supplier, c.recipient, c.quantity]), [["RUS", "SRB", 6]]);
});

test("a sum raised with an approximation ('some 5 million euros') is money, no count of items", () => {
  assert.deepEqual(article("In early June, after a campaign raised some 5 million euros for a TB2, the company said it would give a drone to Lithuania.", "en", "2022-08-19").map((c) => c.quantity), [null]);
});

test("a generic noun glued to another as its modifier is no item ('radar satellites', 'tank ammunition', « satellites radar »)", () => {
  assert.deepEqual(article("Finland sold radar satellites and tank ammunition to Ukraine.").map((c) => c.item.category), ["satellite", "ammunition"]);
  assert.deepEqual(article("La Finlande a vendu des satellites radar à l'Ukraine.", "fr").map((c) => c.item.category), ["satellite"]);
});

test("a seller declining to provide an item cancels its hand-over; a package that 'would also include' items adds them to the deal", () => {
  const rows = (text: string) => article(text, "en", "2022-07-02").map((c) => [c.supplier, c.recipient, c.item.category, c.status]);
  assert.deepEqual(rows("The United States will send Ukraine two NASAMS systems. Washington has so far declined to provide the ATACMS missile."), [["USA", "UKR", "air-defence", "offered"], ["USA", "UKR", "missile", "cancelled"]]);
  assert.deepEqual(rows("The United States will send Ukraine two NASAMS systems as part of a new package. The package would also include four counter-artillery radars.").map((r) => r[2]), ["air-defence", "sensor"]);
});

test("items a package 'would also include' join the deal whose parties are named, at its stage, not a deal still missing a party", () => {
  const text = "The United States will send Ukraine two NASAMS systems as part of a new package, the White House said, as Kyiv reported that the American rocket launchers delivered last month were hitting targets.\n\nJohn Kirby told reporters the package would also include four counter-artillery radars.";
  assert.deepEqual(article(text, "en", "2022-07-02").filter((c) => c.item.category === "sensor").map((c) => [c.supplier, c.recipient, c.status]), [["USA", "UKR", "offered"]]);
});

test("a version of a system is that system unless it follows the version it names ('the FBI bought a version of Pegasus')", () => {
  assert.deepEqual(article("The FBI bought a version of Pegasus in 2019 to test it.", "en", "2022-01-30").map((c) => [c.supplier, c.recipient, c.item.name]), [["ISR", "USA", "Pegasus"]]);
});

test("'has not had any transaction with' the maker denies, told by the state's body as written", () => {
  const claims = article("India bought Pegasus. In August, the Ministry of Defence said it \"has not had any transaction with NSO Group Technologies\".", "en", "2022-01-30");
  assert.deepEqual(claims.filter((c) => c.stance === "denied").map((c) => [c.supplier, c.recipient, c.sources]), [["ISR", "IND", ["Ministry of Defence"]]]);
});

test("who leases from someone is the lessee; whom a refused request is from would have received ('turned down repeated requests from Kyiv for …')", () => {
  const rows = (text: string) => article(text, "en", "2023-09-29").map((c) => [c.supplier, c.recipient, c.item.name, c.status]);
  assert.deepEqual(rows("Germany leases Heron TP drones from Israel."), [["ISR", "DEU", "Heron TP", "delivered"]]);
  assert.deepEqual(rows("Turkey leased Bayraktar TB2 drones to Ethiopia.").map((r) => r.slice(0, 2)), [["TUR", "ETH"]]);
  assert.deepEqual(rows("Israel has turned down repeated requests from Kyiv for its own air-defence systems, including Iron Dome."), [["ISR", "UKR", "Iron Dome", "cancelled"]]);
});

test("what a system is designed to destroy is no item ('a system designed to destroy long-range ballistic missiles')", () => {
  assert.deepEqual(article("Germany signed for the Arrow 3 missile shield, a system designed to destroy long-range ballistic missiles.").map((c) => c.item.category), ["air-defence"]);
});

test("what is replaced, when a relative tells it was sold, was a transfer, undated by the time told before; 'dans leur version F4' names a version", () => {
  const text = "Les Émirats arabes unis ont commandé vendredi 80 avions de combat Rafale, dans leur version F4, a annoncé l'Élysée. Les nouveaux appareils remplaceront les Mirage 2000-9 que la France avait vendus aux Émirats.";
  assert.deepEqual(article(text, "fr", "2021-12-04").map((c) => [c.supplier, c.recipient, c.item.name, c.status, c.time?.from ?? null]), [["FRA", "ARE", "Rafale", "ordered", "2021-12-03"], ["FRA", "ARE", "Mirage 2000-9", "delivered", null]]);
  // (What is to be replaced, with no relative telling a sale, stays set aside.)
  assert.deepEqual(article("Les Émirats ont commandé 80 Rafale, qui remplaceront les Mirage 2000-9.", "fr").map((c) => c.item.name), ["Rafale"]);
});

test("where a deal was signed is no party (« la Croatie a signé à Zagreb l'achat de douze Rafale »)", () => {
  assert.deepEqual(article("Le 25 novembre, la Croatie a signé à Zagreb, en présence d'Emmanuel Macron, l'achat de douze Rafale d'occasion.", "fr", "2021-12-04").map((c) => [c.supplier, c.recipient]), [["FRA", "HRV"]]);
});

test("'his country' after a verb of saying is the speaker's state, and 'would' after it the future of then (« son pays allait acquérir »)", () => {
  const rows = (text: string, lang = "en") => article(text, lang, "2021-09-18").map((c) => [c.supplier, c.recipient, c.status]);
  assert.deepEqual(rows("Australian Prime Minister Scott Morrison said his country would acquire Tomahawk cruise missiles."), [["USA", "AUS", "negotiating"]]);
  assert.deepEqual(rows("Le premier ministre australien, Scott Morrison, a annoncé que son pays allait acquérir des missiles de croisière américains Tomahawk.", "fr"), [["USA", "AUS", "negotiating"]]);
  // ("could" stays a hedge.)
  assert.deepEqual(rows("Officials said Poland could buy 32 F-35 jets."), [["USA", "POL", "offered"]]);
});

test("an office holder the catalog knows names the state of 'his country'; what items are to equip is a platform, no item", () => {
  const rows = article("Scott Morrison a annoncé que son pays allait acquérir des missiles de croisière américains Tomahawk, destinés à équiper ses destroyers de la classe Hobart.", "fr", "2021-09-18").map((c) => [c.supplier, c.recipient, c.item.category, c.status]);
  assert.deepEqual(rows, [["USA", "AUS", "missile", "negotiating"]]);
});

test("a rival passed over is set aside and a choice to buy is a deal under negotiation (« a écarté le Rafale et choisi d'acheter »)", () => {
  const rows = (text: string, lang: string) => article(text, lang, "2021-09-18").map((c) => [c.supplier, c.recipient, c.item.name, c.status]);
  assert.deepEqual(rows("En juin, la Suisse a écarté le Rafale et choisi d'acheter 36 chasseurs américains F-35A.", "fr"), [["USA", "CHE", "F-35A", "negotiating"]]);
  assert.deepEqual(rows("In June, Switzerland passed over the Rafale and chose to buy 36 F-35A jets.", "en"), [["USA", "CHE", "F-35A", "negotiating"]]);
});

test("what a package or contract includes (« le paquet comprend », 'the package includes') joins the deal told, whatever its kind", () => {
  const text = "Le département d'État a approuvé la vente au Nigeria de douze hélicoptères d'attaque AH-1Z Viper. Outre les appareils, construits par Bell Textron, le paquet comprend 2 000 kits de guidage APKWS.";
  assert.deepEqual(article(text, "fr", "2022-04-16").map((c) => [c.supplier, c.recipient, c.item.category, c.quantity, c.status]), [["USA", "NGA", "helicopter", 12, "offered"], ["USA", "NGA", "missile", 2000, "offered"]]);
});

test("« que » after a verb of saying opens what was said, no relative: the state fronted before the speaker is the buyer", () => {
  assert.deepEqual(article("En Hongrie, un vice-président du Fidesz, Lajos Kosa, avait reconnu en novembre 2021 devant la presse que le ministère de l'Intérieur avait acheté Pegasus.", "fr", "2024-04-26").map((c) => [c.supplier, c.recipient, c.sources]), [["ISR", "HUN", ["Lajos Kosa"]]]);
});

test("a moratorium on sales is no sale (« un moratoire sur la vente de ces outils », 'a moratorium on the sale of')", () => {
  assert.deepEqual(article("La Hongrie a acheté Pegasus. En 2023, une commission d'enquête du Parlement européen a réclamé un moratoire sur la vente de ces outils.", "fr", "2024-04-26").map((c) => [c.recipient, c.time]), [["HUN", null]]);
});

test("a designation after a count is no unit of measure ('250 M1A2 Abrams': the 'm' is no metre); a figure 'never officially confirmed' has no source", () => {
  assert.deepEqual(article("Poland ordered 250 M1A2 Abrams tanks.").map((c) => c.quantity), [250]);
  assert.deepEqual(article("Poland has emptied its own stocks for Kyiv, reportedly handing over more than 200 T-72 tanks, a figure the government has never officially confirmed.").map((c) => c.sources), [[]]);
});

test("'it' in a sentence after one that opened on 'it' for a state goes on with that state", () => {
  const text = "Poland has been rearming fast. In April it signed an agreement with the United States for 250 M1A2 Abrams tanks. At the same time it has emptied its own stocks for Kyiv, handing over more than 200 Soviet-designed T-72 tanks.";
  assert.deepEqual(article(text, "en", "2022-12-07").map((c) => [c.supplier, c.recipient]), [["USA", "POL"], ["POL", "UKR"]]);
});

test("the date of a statement that a deal had been abandoned dates no cancellation, and the deal told before folds it in", () => {
  const text = "In 2018 Indonesia agreed to buy 11 Sukhoi Su-35s from Moscow, but the plan stalled. Air force chief of staff Fadjar Prasetyo said in December that the Su-35 purchase had been abandoned.";
  assert.deepEqual(article(text, "en", "2022-02-11").map((c) => [c.quantity, c.status, c.time?.from ?? null, c.sources]), [[11, "cancelled", "2018", ["Fadjar Prasetyo"]]]);
});

test("whom the first receiver passes items on to receives them; the first receiver is the way there ('to be passed on to Ukraine')", () => {
  assert.deepEqual(article("In early June, the company Baykar said it would give a TB2 drone to Lithuania free of charge so that it could be passed on to Ukraine.", "en", "2022-08-19").map((c) => [c.supplier, c.recipient, c.intermediary]), [["TUR", "UKR", "LTU"]]);
});

test("a count of people before the item counts no item, and a sale 'without authorisation' is no approval (« quatre anciens gérants … soupçonnés d'avoir vendu sans autorisation »)", () => {
  const claims = article("Le parquet de Munich a annoncé lundi avoir mis en accusation quatre anciens gérants du groupe FinFisher, soupçonnés d'avoir vendu sans autorisation leur produit phare, FinSpy, aux services de renseignement turcs.", "fr", "2023-05-30");
  assert.deepEqual(claims.map((c) => [c.supplier, c.recipient, c.quantity, c.status, c.stance]), [["DEU", "TUR", null, "delivered", "alleged"]]);
});

test("a place seized ('since Russia seized Crimea') stops no shipment: a refusal in the same sentence stays cancelled", () => {
  const claims = article("Pegasus\n\nUkraine had sought the spyware since Russia seized Crimea in 2014, and Israeli officials turned down repeated requests from Kyiv for Pegasus.", "en", "2022-03-24");
  assert.deepEqual(claims.filter((c) => c.recipient === "UKR").map((c) => c.status), ["cancelled"]);
});

test("the count of a generic noun the named system stands for is the system's ('ordered 80 of the jets')", () => {
  assert.deepEqual(article("The Rafale deal comes less than three months after the United Arab Emirates ordered 80 of the jets.", "en", "2022-02-11").map((c) => [c.item.name, c.quantity]), [["Rafale", 80]]);
});

test("a negation told by onlookers ('the experts said … had not been supplied by China') denies nothing; one told by a party's voice is a denial", () => {
  assert.deepEqual(article("The experts said it was almost certain that the missiles had not been supplied directly to Libya by their manufacturer or by China.", "en", "2019-05-10"), []);
  assert.deepEqual(article("Iranian foreign ministry spokesman Nasser Kanaani said Iran had not supplied drones to Russia.", "en", "2022-10-10").map((c) => [c.supplier, c.recipient, c.stance]), [["IRN", "RUS", "denied"]]);
});

test("a plural carrying the source on ('…, they added') goes on with the source, not with one person named since", () => {
  const text = "The panel is investigating probable use of Wing Loong drones by the LNA, the U.N. panel of experts wrote, referring to forces of commander Jean Roe. The introduction of the system was a violation, they added.\n\nThe experts said it was almost certain that China had not supplied the missiles to Libya.";
  assert.deepEqual(article(text, "en", "2019-05-10").filter((c) => c.recipient === "LBY"), []);
});
