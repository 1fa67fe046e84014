// Demo content for Escalator: invented escalation stories, written for this
// project. The founding Nokia / Best Buy case and the cases mentioned by its
// readers (Optus, AT&T, Telefónica and Apple, EVGA, Western Digital, the UK
// Lumia 900) keep their facts; every sentence here is new. Order numbers,
// usernames and dialogue are made up. Dates are relative to "now" (see
// demo-types.ts), so the demo stays inside the 12-month leaderboard window.
import type { DemoOrganisation, DemoStory, DemoUser } from "./demo-types.js";

export const demoOrganisations: DemoOrganisation[] = [
  { slug: "nokia", name: "Nokia", kind: "manufacturer", aliases: ["Nokia Corporation", "Nokia Mobile"] },
  { slug: "best-buy", name: "Best Buy", kind: "retailer", aliases: ["BestBuy", "Geek Squad"] },
  { slug: "att", name: "AT&T", kind: "carrier", aliases: ["ATT", "at&t mobility", "AT&T Wireless"] },
  { slug: "optus", name: "Optus", kind: "carrier", aliases: ["SingTel Optus"] },
  { slug: "telefonica", name: "Telefónica", kind: "carrier", aliases: ["Telefonica", "O2", "Movistar", "O2 Germany"] },
  { slug: "apple", name: "Apple", kind: "manufacturer", aliases: ["Apple Inc.", "AppleCare"] },
  { slug: "evga", name: "EVGA", kind: "manufacturer", aliases: ["EVGA Corporation"] },
  { slug: "western-digital", name: "Western Digital", kind: "manufacturer", aliases: ["WD", "WDC"] },
  { slug: "amazon", name: "Amazon", kind: "marketplace", aliases: ["amazon.com", "amazon.de", "amazon.co.uk", "amazon.ca", "Amazon AU"] },
  { slug: "ebay", name: "eBay", kind: "marketplace", aliases: ["ebay.co.uk", "ebay.de"] },
  { slug: "deutsche-telekom", name: "Deutsche Telekom", kind: "carrier", aliases: ["Telekom", "Telekom Deutschland", "DTAG"] },
  { slug: "mediamarkt", name: "MediaMarkt", kind: "retailer", aliases: ["Media Markt", "MediaMarkt Saturn"] },
  { slug: "samsung", name: "Samsung", kind: "manufacturer", aliases: ["Samsung Electronics"] },
  { slug: "dhl", name: "DHL", kind: "service", aliases: ["DHL Paket", "Deutsche Post DHL"] },
  { slug: "dell", name: "Dell", kind: "manufacturer", aliases: ["Dell Technologies", "Dell Inc."] },
  { slug: "ryanair", name: "Ryanair", kind: "service" },
  { slug: "lufthansa", name: "Lufthansa", kind: "service", aliases: ["Deutsche Lufthansa", "LH"] },
  { slug: "british-airways", name: "British Airways", kind: "service", aliases: ["BA"] },
  { slug: "barclays", name: "Barclays", kind: "service", aliases: ["Barclays Bank", "Barclaycard"] },
  { slug: "comcast", name: "Comcast", kind: "service", aliases: ["Xfinity", "Comcast Xfinity"] },
  { slug: "currys", name: "Currys", kind: "retailer", aliases: ["Currys PC World", "PC World"] },
  { slug: "vodafone", name: "Vodafone", kind: "carrier", aliases: ["Vodafone UK"] },
  { slug: "fnac", name: "Fnac", kind: "retailer", aliases: ["Fnac Darty"] },
];

export const demoUsers: DemoUser[] = [
  { username: "pixel_patience" },
  { username: "mick_downunder" },
  { username: "cyan_and_cranky" },
  { username: "paco_madrid" },
  { username: "grumpy_gadgeteer" },
  { username: "tea_and_tickets" },
  { username: "jonas-ffm" },
  { username: "lena_aus_graz" },
  { username: "reto_zh" },
  { username: "siobhan_d" },
  { username: "maple_moose" },
  { username: "amelie_lyon" },
  { username: "ordernumber42" },
  { username: "kettle_on" },
  { username: "kai_berlin" },
];

export const demoStories: DemoStory[] = [
  // ── Nokia ────────────────────────────────────────────────────────────────
  {
    author: "pixel_patience",
    title: "Best Buy cancelled my Lumia 920 pre-order twice. One email to Nokia's CEO and a red 920 was at my door",
    company: "nokia",
    otherParty: "best-buy",
    product: "Lumia 920",
    country: "US",
    channel: "email",
    escalatedTo: "ceo",
    // The CEO answered himself, copying the head of marketing.
    answeredBy: "ceo",
    escalatedDaysAgo: 64,
    escalatedTime: "22:40",
    firstResponseAfterHours: 10,
    resolvedAfterHours: 74,
    outcome: "goodwill",
    postedAfterHours: 80,
    path: [
      // Two orders at Best Buy: the phone line gave a new reason each time, the backup order was never answered; both were cancelled.
      { party: "other_party", channel: "phone", writtenTo: "frontline", atHours: -21 * 24, timeKnown: false, answeredAfterHours: 2, answeredBy: "frontline", result: "passed_upward" },
      { party: "other_party", channel: "web_form", writtenTo: "frontline", atHours: -14 * 24, timeKnown: false, result: "ignored" },
      // The e-mail to Nokia's CEO: his own two-line reply by morning, the head of marketing in copy.
      { party: "company", channel: "email", writtenTo: "ceo", atHours: 0, answeredAfterHours: 10, answeredBy: "ceo", result: "passed_upward" },
      // A second e-mail, to the head of marketing: his phone call the next afternoon, the phone delivered the day after.
      { party: "company", channel: "email", writtenTo: "executive", atHours: 36, answeredAfterHours: 16, answeredBy: "executive", result: "resolved" },
    ],
    body: `I pre-ordered a Lumia 920 from Best Buy in the first week pre-orders were open. Order BBY01-7713420 then sat on "back order" for weeks. Each time I called I got a different reason: allocation, a warehouse problem, "try again Friday". I even placed a second order (BBY01-7720985) as a backup.

Eventually I gave up on the phone line and wrote to Nokia's CEO, late on a weeknight, without much hope. I kept it short:

1. what I had ordered and on which date,
2. what each Best Buy rep had told me,
3. that I still wanted the phone, from anyone who could actually ship it.

A two-line reply was waiting when I woke up. He said his team would look into it, and he had copied the head of marketing for Nokia's US business.

That same week Best Buy cancelled **both** orders, with no email and no reason. I wrote back to the marketing executive, and the next afternoon he phoned me himself. He called it an early holiday present and said Nokia would be having a word with Best Buy about how it handles pre-orders.

The next day a courier dropped off a red Lumia 920 and a pair of Monster headphones. The box weighed about nine pounds.

> Nobody at Best Buy ever told me why either order was cancelled.

What I'd tell anyone: be polite, be brief, and put the order numbers in the first paragraph.`,
    replies: [
      {
        author: "mick_downunder",
        hoursAfter: 3,
        body: "Had almost the same thing years ago in Australia with a dead N8 and Optus. One email to the top and within a day both companies were suddenly falling over themselves. I've posted it here too if anyone wants the long version.",
        replies: [
          {
            author: "pixel_patience",
            hoursAfter: 5,
            body: "Just read it. Two phones! Did they make you send the broken one back?",
            replies: [
              {
                author: "mick_downunder",
                hoursAfter: 9,
                body: "Nope. Courier dropped the new ones off and nobody ever asked about the old one. It's still in a drawer somewhere.",
              },
            ],
          },
        ],
      },
      {
        author: "grumpy_gadgeteer",
        hoursAfter: 6,
        body: "Call me cynical, but this is marketing. They fix the one case that might end up on a blog, and the thousands of other people stuck on back order get nothing.",
        replies: [
          {
            author: "ordernumber42",
            hoursAfter: 8,
            body: "Maybe, but he answered before anyone knew it would go public. And if it's PR, so what? It worked for her.",
            replies: [
              {
                author: "grumpy_gadgeteer",
                hoursAfter: 12,
                body: "Fair enough. I'd just like to know how many of these emails never get an answer at all.",
                replies: [
                  {
                    author: "kettle_on",
                    hoursAfter: 20,
                    body: "That's literally what the company pages here are for: Nokia's response rate is on its page, with n next to it. Survivorship bias is real though. People with happy endings are more likely to write them up.",
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: "jonas-ffm",
        hoursAfter: 14,
        body: "Da kann man wirklich nicht meckern. In Deutschland hätte ich auf so eine Mail vermutlich eine automatische Eingangsbestätigung und eine Ticketnummer bekommen – mehr nicht.",
      },
      {
        author: "siobhan_d",
        hoursAfter: 22,
        body: `Tip for anyone who wants to try this: at most big companies the CEO's mail is read by an **executive customer relations** team, not the CEO. That's fine. Those people can usually approve things the frontline can't.

Write to the top, but expect a specialist to answer.`,
        replies: [
          {
            author: "tea_and_tickets",
            hoursAfter: 30,
            body: "Small correction for this case though: the first reply came from the CEO himself, and he handed it to marketing, not to a complaints team. Still, you're right that it's usually exec relations.",
          },
        ],
      },
      {
        author: "maple_moose",
        hoursAfter: 40,
        body: "Anyone seen a yellow 920 in the wild? Asking for a friend. The friend is me.",
        replies: [
          {
            author: "ordernumber42",
            hoursAfter: 44,
            body: "In the US the yellow one was tied to one carrier at launch. I went hunting for one too and wrote it up. Short version: good luck.",
          },
        ],
      },
      {
        author: "cyan_and_cranky",
        hoursAfter: 50,
        body: "Glad it worked out. What bothers me is that the reply sounded like Nokia had no idea pre-orders were being lost at retailers. If the CEO only hears about it from customers, how much demand are they missing?",
      },
    ],
  },
  {
    author: "mick_downunder",
    title: "A month of Optus and Nokia blaming each other over a dead N8, fixed within a day of emailing Nokia's CEO",
    company: "nokia",
    otherParty: "optus",
    product: "Nokia N8",
    country: "AU",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive",
    escalatedDaysAgo: 690,
    escalatedTime: "07:30",
    firstResponseAfterHours: 20,
    resolvedAfterHours: 44,
    outcome: "goodwill",
    postedAfterHours: 16200,
    path: [
      // A month of Optus saying hardware faults were Nokia's problem, and a manager who never called back.
      { party: "other_party", channel: "phone", writtenTo: "frontline", atHours: -30 * 24, timeKnown: false, answeredAfterHours: 0.5, answeredBy: "frontline", result: "deflected" },
      { party: "other_party", channel: "phone", writtenTo: "supervisor", atHours: -16 * 24, timeKnown: false, result: "ignored" },
      // The letter e-mailed to Nokia's CEO: within a day a senior manager of Nokia Australia called, and two phones came.
      { party: "company", channel: "email", writtenTo: "ceo", atHours: 0, answeredAfterHours: 20, answeredBy: "executive", result: "resolved" },
    ],
    body: `This is an old one, but the Lumia thread reminded me of it.

My N8 died well inside its warranty. Optus had sold it to me on a plan, and Optus said hardware faults were Nokia's problem. Nokia Australia said phones sold by a carrier were the carrier's problem. That went on for about a month, including two "escalations" to managers on both sides. Neither manager ever called back.

So I wrote a calm one-page letter: a timeline, reference numbers from both companies, and what I wanted, which was one working phone. I emailed it to Nokia's CEO.

Within a day my phone rang twice. First it was the executive assistant to the Optus CEO, then a senior manager from Nokia Australia. Suddenly everyone agreed it was easy to fix.

The next day a courier brought **two** new N8s, one for me and one for my wife.

My advice:

- use up the normal channels first, so you can show you did,
- keep it polite and factual,
- say clearly what would fix it.

My guess is that a CEO just forwards these with "sort this out" on top, and that note is what does the work.`,
    replies: [
      {
        author: "paco_madrid",
        hoursAfter: 30,
        body: "Funny, when I tried the same thing with Apple in Spain I got the opposite result: not our department, talk to the carrier. Depends a lot on who you write to.",
      },
      {
        author: "tea_and_tickets",
        hoursAfter: 52,
        body: "Genuine question: why two phones? Was your wife's phone broken too, or was that pure goodwill?",
        replies: [
          {
            author: "mick_downunder",
            hoursAfter: 61,
            body: "Both lines were on the same Optus account and I'd mentioned in the letter that hers was starting to play up as well. I never actually asked for a second phone.",
          },
        ],
      },
    ],
  },
  {
    author: "cyan_and_cranky",
    title: "AT&T jammed the SIM into my Lumia 920 upside down, then sat on the replacement. Nokia's CEO forwarded it to the AT&T account team",
    company: "nokia",
    otherParty: "att",
    product: "Lumia 920 (cyan)",
    country: "US",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "ceo",
    escalatedDaysAgo: 150,
    escalatedTime: "23:10",
    firstResponseAfterHours: 9,
    resolvedAfterHours: 86,
    outcome: "partly_resolved",
    postedAfterHours: 140,
    path: [
      // AT&T's phone line wanted the phone and the charging plate shipped back; a tweet got an in-store return,
      // where the replacement was ordered (the AT&T story before this one).
      { party: "other_party", channel: "phone", writtenTo: "frontline", atHours: -210, timeKnown: false, answeredAfterHours: 0.5, answeredBy: "frontline", result: "answered" },
      { party: "other_party", channel: "social_public", writtenTo: "pr_social", atHours: -186.5, answeredAfterHours: 5, answeredBy: "pr_social", result: "answered" },
      { party: "other_party", channel: "in_store", writtenTo: "frontline", atHours: -133, answeredAfterHours: 1, answeredBy: "frontline", result: "answered" },
      // Six days at "Preparing shipment", then the e-mail to Nokia's CEO: his own reply by 8 the next morning, passed to the AT&T account team.
      { party: "company", channel: "email", writtenTo: "ceo", atHours: 0, answeredAfterHours: 9, answeredBy: "ceo", result: "answered" },
    ],
    body: `I pre-ordered a cyan 920 from AT&T. They paid for two-day shipping but added a "weekday delivery only" note, so it turned up on the Monday after launch instead of the Friday.

When I opened it, the SIM had been forced in **upside down** and the tray was wedged into the slot. Even after I got the tray out and seated the SIM properly, the phone wouldn't read it.

Returning it was its own saga (separate post). AT&T ordered me a replacement, and that order then sat at "Preparing shipment" for six days. It never showed as "Back ordered", so I had no idea what was going on. On Friday night I emailed Nokia's CEO.

At 8 the next morning, Eastern time, he answered. Roughly: sorry about the AT&T experience, and he'd pass it to Nokia's AT&T account team to follow up with them.

On Monday, the next business day, it shipped overnight. I collected it from the AT&T store on Tuesday at 1 PM.

And then: the SIM was upside down again and the battery was completely dead. It took 45 minutes on the charger before it would even boot. A factory reset has helped, but I'll probably still exchange it.

I don't blame Nokia for any of this. The CEO read a long angry email and acted on it within hours. But the phone I ended up with still isn't right, so: partly resolved.`,
    replies: [
      {
        author: "ordernumber42",
        hoursAfter: 10,
        body: "Upside-down SIM twice from the same carrier isn't bad luck. Someone in that warehouse is doing it on every phone. Did you report it?",
        replies: [
          {
            author: "cyan_and_cranky",
            hoursAfter: 14,
            body: "The store rep took photos and said she'd pass it up. I'm not holding my breath.",
          },
        ],
      },
      {
        author: "kai_berlin",
        hoursAfter: 30,
        body: "\"Partly resolved\" seems harsh to me. The escalation did everything it could have done: it got the order moving.",
        replies: [
          {
            author: "cyan_and_cranky",
            hoursAfter: 34,
            body: "The order moved, but the phone still arrived half broken. I'm rating what I ended up holding, not how hard the CEO tried.",
            replies: [
              {
                author: "pixel_patience",
                hoursAfter: 41,
                body: "Agree with that. The outcome field is about the customer's result. You can praise the response time separately, and the response time here was great.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    author: "tea_and_tickets",
    title: "Nokia pushed the UK Lumia 900 back six times, so I asked them why",
    company: "nokia",
    otherParty: "currys",
    product: "Lumia 900",
    country: "GB",
    channel: "email",
    escalatedTo: "unknown",
    answeredBy: "frontline",
    escalatedDaysAgo: 230,
    firstResponseAfterHours: 30,
    outcome: "explanation_only",
    postedAfterHours: 60,
    body: `I pre-ordered a Lumia 900 through Currys (order CUR-55102-77). The UK date then moved six times:

- the date on the pre-order page,
- "two weeks later",
- "end of the month",
- "early next month",
- a specific date that passed without a word,
- and finally "to be confirmed".

Currys just forwarded whatever date Nokia had given them. The rumour on the forums was that UK stock was being diverted to the US launch. In the end I emailed Nokia UK's general contact address, because I couldn't find anything more senior.

The reply took about 30 hours. To be fair, it was a real reply and not a template. They apologised, confirmed that stock was going to "priority launch markets" first, and said they couldn't give me a date. Nothing was offered and nothing was promised.

So I got an explanation, which is more than Currys managed, but no phone. I cancelled and bought something else a month later.`,
    replies: [
      {
        author: "kettle_on",
        hoursAfter: 18,
        body: "At least they admitted the US got priority. Most companies would have blamed \"unprecedented demand\" and left it there.",
      },
    ],
  },
  {
    author: "ordernumber42",
    title: "Hunting for a yellow Lumia 920: Nokia's social team answered in 20 minutes and sent me straight back to AT&T",
    company: "nokia",
    otherParty: "att",
    product: "Lumia 920 (yellow)",
    country: "US",
    channel: "social_public",
    escalatedTo: "pr_social",
    answeredBy: "pr_social",
    escalatedDaysAgo: 40,
    escalatedTime: "15:05",
    firstResponseAfterHours: 0.35,
    outcome: "deflected",
    postedAfterHours: 100,
    body: `I wanted the yellow 920. Not cyan, not red, yellow. Three AT&T stores and the AT&T website all said "unavailable", and nobody could tell me whether more were coming.

So I asked Nokia US publicly: *is yellow still being made, and where can I actually buy one?*

Their social team answered in about 20 minutes, which I'll give them credit for. The answer, though, was that colour availability in the US is "determined by our carrier partner", and that I should check with AT&T for stock.

I replied that AT&T had no information. They sent a sad-face emoji and the AT&T store locator link. That was the end of it.

I'm filing this as **deflected**. A fast answer is nice, but it only pointed me back to the company I'd already tried. I'm still on the list at one store, as of this week.`,
    replies: [
      {
        author: "maple_moose",
        hoursAfter: 4,
        body: "Twenty minutes to get sent back where you started. Fast doesn't always mean useful.",
      },
      {
        author: "cyan_and_cranky",
        hoursAfter: 20,
        body: "Try calling AT&T's online sales team instead of the stores. They see warehouse stock, the stores only see their own shelf. That's how I found my cyan one.",
        replies: [
          {
            author: "ordernumber42",
            hoursAfter: 70,
            body: "Update: that worked. Online sales found one in a warehouse and it ships Monday. Leaving the outcome as it is, though. Nokia didn't do this.",
          },
        ],
      },
    ],
  },
  {
    author: "jonas-ffm",
    title: "MediaMarkt storniert meine Lumia-920-Vorbestellung – ein Brief an die Nokia-Geschäftsführung hilft nach gut einer Woche",
    company: "nokia",
    otherParty: "mediamarkt",
    product: "Lumia 920",
    country: "DE",
    channel: "letter",
    escalatedTo: "executive",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 75,
    firstResponseAfterHours: 200,
    resolvedAfterHours: 270,
    outcome: "resolved",
    postedAfterHours: 300,
    body: `Ich hatte das Lumia 920 im Online-Shop von MediaMarkt vorbestellt (Bestellnummer MM-4471-0932). Zwei Tage vor dem angekündigten Liefertermin kam eine Mail: Bestellung storniert, „aufgrund mangelnder Verfügbarkeit“. Eine Erklärung gab es nicht, auch keine Option, auf der Warteliste zu bleiben.

Die Hotline meinte, das liege am Hersteller. Im Markt hieß es, die Online-Bestellungen seien „ein ganz anderes System“.

Also habe ich einen sachlichen Brief an die Geschäftsführung von Nokia in Deutschland geschrieben. Darin standen:

- Bestellnummer und Datum der Vorbestellung,
- die Stornomail als Kopie,
- die Bitte, mir zu sagen, wo ich das Gerät tatsächlich bekommen kann.

Gut acht Tage später rief mich eine freundliche Dame aus dem Beschwerdemanagement der Geschäftsleitung an. Sie hatte sich bereits bei MediaMarkt erkundigt: Offenbar wurden dort Vorbestellungen über dem Kontingent automatisch storniert. Drei Tage später lag ein Lumia 920 zum regulären Preis bei mir, direkt aus Nokias eigenem Kontingent.

Ein Geschenk gab es nicht, aber das hatte ich auch nicht erwartet. Gelöst ist gelöst.`,
    replies: [
      {
        author: "kai_berlin",
        hoursAfter: 12,
        body: "Ein Brief per Post, wie altmodisch – und trotzdem offenbar wirksamer als jede Hotline. Hattest du ihn als Einschreiben geschickt?",
        replies: [
          {
            author: "jonas-ffm",
            hoursAfter: 15,
            body: "Nein, ganz normal. Adresse stand im Impressum. Ich glaube, Papier landet einfach auf einem anderen Tisch als Mails.",
          },
        ],
      },
    ],
  },
  {
    author: "amelie_lyon",
    title: "My Lumia 920 has been at the repair centre for five weeks. Fnac says ask Nokia, Nokia says it's 'in progress'",
    company: "nokia",
    otherParty: "fnac",
    product: "Lumia 920",
    country: "FR",
    channel: "phone",
    escalatedTo: "supervisor",
    answeredBy: "supervisor",
    escalatedDaysAgo: 6,
    escalatedTime: "10:20",
    firstResponseAfterHours: 0.3,
    outcome: "pending",
    postedAfterHours: 60,
    body: `I bought my 920 at Fnac in Lyon. When the charging port stopped working, the shop sent it off for warranty repair. That was five weeks ago. Repair ticket: FN-SAV-208816.

Fnac's after-sales desk says it's with the manufacturer's repair centre and they can't see any more than that. So this week I rang Nokia France, got through to a first-line agent, and asked for a supervisor. It took about twenty minutes of hold music.

The supervisor was honestly pleasant. She found the phone in their system, said it was "waiting for a part", and promised a callback within 48 hours with a date.

The 48 hours have passed. I haven't had a callback, but I also haven't been refused anything, so for now this is **pending**.

Things I've learned so far:

- ask Fnac for the repair centre's own reference number, not just theirs,
- write down the supervisor's name and the time of the call,
- under French law, any time without the product adds to the legal warranty. Worth knowing if it comes back broken.

I'll update this when something happens.`,
    replies: [
      {
        author: "reto_zh",
        hoursAfter: 10,
        body: "\"Waiting for a part\" for five weeks usually means the part is coming from another country. Ask them straight out whether they'd swap the phone instead. Some repair centres are allowed to, but only if you ask.",
      },
      {
        author: "paco_madrid",
        hoursAfter: 26,
        body: "If you paid by card and it goes past two months, send Fnac a written demand too. Retailers tend to wake up once a formal letter is involved.",
      },
    ],
  },

  // ── AT&T ─────────────────────────────────────────────────────────────────
  {
    author: "cyan_and_cranky",
    title: "AT&T wanted my broken phone and the charging plate mailed back. One tweet later I could return it in store",
    company: "att",
    product: "Lumia 920 + wireless charging plate",
    country: "US",
    // The phone line came first (and answered, unhelpfully); the tweet is the second step.
    channel: "phone",
    escalatedTo: "frontline",
    answeredBy: "frontline",
    escalatedDaysAgo: 159,
    firstResponseAfterHours: 0.5,
    resolvedAfterHours: 96,
    outcome: "resolved",
    postedAfterHours: 242,
    path: [
      { party: "company", channel: "phone", writtenTo: "frontline", atHours: 0, timeKnown: false, answeredAfterHours: 0.5, answeredBy: "frontline", result: "answered" },
      // The tweet with a photo of the wedged tray: the social team answered five hours later and authorised an in-store return.
      { party: "company", channel: "social_public", writtenTo: "pr_social", atHours: 41.75, answeredAfterHours: 5, answeredBy: "pr_social", result: "answered" },
      // Two days later at the store: the return done and the replacement ordered.
      { party: "company", channel: "in_store", writtenTo: "frontline", atHours: 95, timeKnown: false, answeredAfterHours: 1, answeredBy: "frontline", result: "resolved" },
    ],
    body: `This is the first half of the Lumia saga from my other post.

The phone arrived with the SIM jammed in upside down and wouldn't read a card. Everyone I spoke to on AT&T's phone line was polite, but they all insisted on the same process: ship the phone back, *and* ship back the free wireless charging plate from the pre-order promo, then wait for a refund before they would order a new one.

I didn't want my only phone in the post for a week, so I tweeted a photo of the wedged tray and asked why I couldn't just take it into a store.

The AT&T social team replied about five hours later and moved the conversation to DMs. They added a note to my account (ref 8841-CX) authorising an in-store return, and they told me to keep the charging plate.

Two days later I spent an hour at the store doing the return, and they ordered the replacement on the spot. That replacement is where the *next* story starts, but this part worked.`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 8,
        body: "Posting a photo makes a big difference. The public tweet is what gets attention, but the picture is what gets the problem taken seriously.",
      },
    ],
  },

  // ── Apple / Telefónica ───────────────────────────────────────────────────
  {
    author: "paco_madrid",
    title: "Movistar kept the iPhone 3G for new customers, and Apple told me sales in Spain were \"handled exclusively by Telefónica\"",
    company: "apple",
    otherParty: "telefonica",
    product: "iPhone 3G",
    country: "ES",
    channel: "email",
    escalatedTo: "executive_relations",
    answeredBy: "frontline",
    escalatedDaysAgo: 420,
    firstResponseAfterHours: 52,
    outcome: "deflected",
    postedAfterHours: 500,
    path: [
      // Movistar put existing customers on a waiting list with no date, and nobody there could explain the rule.
      { party: "other_party", channel: "in_store", writtenTo: "frontline", atHours: -12 * 24, timeKnown: false, answeredAfterHours: 0.2, answeredBy: "frontline", result: "answered" },
      { party: "other_party", channel: "phone", writtenTo: "frontline", atHours: -8 * 24, timeKnown: false, answeredAfterHours: 0.3, answeredBy: "frontline", result: "deflected" },
      // The e-mail to Apple's executive relations: a frontline template two days later, sending it back to Telefónica.
      { party: "company", channel: "email", writtenTo: "executive_relations", atHours: 0, timeKnown: false, answeredAfterHours: 52, answeredBy: "frontline", result: "deflected" },
    ],
    body: `When the iPhone 3G launched in Spain, Telefónica (Movistar) was the only carrier selling it. I had been a Movistar customer for years. But the limited launch stock went to people *joining* Movistar or porting a number in. Existing customers were put on a waiting list with no date.

I couldn't find anyone at Movistar who could even explain the rule, so I wrote to Apple. I looked up the executive relations contact and sent a short email: I want to buy your phone, your only Spanish partner won't sell it to its own customers, can you do anything?

Two days later I got a reply, clearly from a frontline template:

> Sales and distribution of iPhone in Spain are handled exclusively by Telefónica. Apple is unable to intervene in their commercial policies.

That was the whole thing. No name, no suggestion of who else to ask.

I understand exclusivity contracts. But Apple chose that partner and put its logo on the launch, so "nothing to do with us" felt cheap. I'd have taken a plain no from a real person over that.`,
    replies: [
      {
        author: "grumpy_gadgeteer",
        hoursAfter: 9,
        body: "Classic. An exclusive deal means nobody is responsible for anything.",
        replies: [
          {
            author: "paco_madrid",
            hoursAfter: 13,
            body: "Exactly. The contract is a perfect wall, and each side stands behind it pointing at the other.",
          },
        ],
      },
      {
        author: "siobhan_d",
        hoursAfter: 40,
        body: "To be fair to Apple, they probably really couldn't force a carrier's allocation. What they could have done was pass your email to their account team at Telefónica. That's exactly what Nokia's CEO did in the AT&T story here.",
      },
    ],
  },
  {
    author: "paco_madrid",
    title: "Burofax to Telefónica's chairman about the iPhone 3G allocation: seventeen days, then a polite refusal",
    company: "telefonica",
    product: "iPhone 3G",
    country: "ES",
    channel: "letter",
    escalatedTo: "ceo",
    answeredBy: "frontline",
    escalatedDaysAgo: 400,
    firstResponseAfterHours: 410,
    outcome: "refused",
    postedAfterHours: 480,
    body: `After Apple sent me back to Telefónica (see my other post), I tried the top of Telefónica itself. I sent a burofax, the Spanish certified letter with proof of content, to the chairman's office at headquarters in Madrid.

I asked for one of two things:

1. treat long-standing customers the same as new ones when allocating launch stock, or
2. let me out of my contract early without the penalty, so I could go to a carrier that would actually sell me the phone.

Seventeen days later a letter came back. It wasn't from the chairman's office but from general customer service, signed by "Departamento de Atención al Cliente". It said launch conditions were "part of a commercial campaign", that no exceptions could be made, and that I could of course port my number out *subject to the applicable penalty*.

So: a clear, written no. Honestly that's more respectful than Apple's template, but it's still a no.

I waited until the contract ran out and then bought an unlocked phone.`,
    replies: [
      {
        author: "jonas-ffm",
        hoursAfter: 20,
        body: "Burofax is a great tool, by the way. At least you have proof they received it, and that matters if you ever go to the consumer arbitration board.",
      },
    ],
  },

  // ── EVGA / Western Digital ───────────────────────────────────────────────
  {
    author: "grumpy_gadgeteer",
    title: "EVGA removed my motherboard from my registered products. The forum staff got snippy and the support form got me nothing",
    company: "evga",
    product: "motherboard (registered, extended warranty)",
    country: "US",
    // The forum came first: moderators answered (unhelpfully), a support tech promised to look and went silent, the form never answered.
    channel: "social_public",
    escalatedTo: "frontline",
    answeredBy: "frontline",
    escalatedDaysAgo: 95,
    firstResponseAfterHours: 3,
    outcome: "gave_up",
    postedAfterHours: 960,
    path: [
      { party: "company", channel: "social_public", writtenTo: "frontline", atHours: 0, timeKnown: false, answeredAfterHours: 3, answeredBy: "frontline", result: "answered" },
      { party: "company", channel: "social_dm", writtenTo: "frontline", atHours: 48, timeKnown: false, result: "ignored" },
      { party: "company", channel: "web_form", writtenTo: "supervisor", atHours: 120, timeKnown: false, result: "ignored" },
    ],
    body: `I had registered my board on EVGA's site and paid for the extended warranty. One day it was simply gone from my list of products. The other items on the account were still there.

First I asked on the official EVGA forum. That was a mistake. The moderators answered with some version of "did you even register it?" and "use the search function". A support tech did post publicly that he would look into it. After that, nothing. He didn't reply to my follow-up or to a private message.

So I did it properly. I used the customer service contact form, marked it for a **support supervisor**, and attached:

- the original invoice,
- the registration confirmation email,
- the receipt for the extended warranty.

That was forty days ago. I got no ticket number and no auto-reply, nothing at all.

I'd always thought of EVGA as one of the good ones. It takes years to win a customer like me, and it took one forum thread to lose me. My next board will come from somebody else.`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 5,
        body: "Try an actual paper letter to the executive office at their HQ, with copies of all three documents. Web forms end up in queues that nobody owns.",
        replies: [
          {
            author: "grumpy_gadgeteer",
            hoursAfter: 22,
            body: "I might, just to see whether it gets an answer. But I've already bought the replacement board from another brand.",
          },
        ],
      },
      {
        author: "maple_moose",
        hoursAfter: 50,
        body: "Small correction: on a lot of manufacturer forums the moderators are volunteers, not staff. That doesn't excuse the attitude, but the real failure here is the support form that never answered.",
      },
    ],
  },
  {
    author: "grumpy_gadgeteer",
    title: "Western Digital, meanwhile, handled my failing drive better than I deserved",
    company: "western-digital",
    product: "WD Black 4TB",
    country: "US",
    channel: "social_public",
    escalatedTo: "pr_social",
    answeredBy: "supervisor",
    escalatedDaysAgo: 120,
    escalatedTime: "01:15",
    firstResponseAfterHours: 3,
    resolvedAfterHours: 140,
    outcome: "resolved",
    postedAfterHours: 200,
    body: `For balance, since I've been ranting about EVGA.

My WD Black started throwing reallocated sectors at about two and a half years old. The RMA portal said the serial was **out of warranty**, on a drive with a five-year warranty. I was not calm about it. I posted a couple of grumpy threads on WD's community forum and a public post tagging the company at 1 AM.

Three hours later, still at night their time, their social team answered publicly, asked for the serial by DM, and passed it to a support supervisor. The next morning he explained what had happened. The warranty start date had been set from the *distributor's* shipment date instead of my purchase date, and the drive had apparently sat in a warehouse for a long time.

He corrected the date by hand, set up an advance replacement so I didn't have to send mine in first, and sent a prepaid return label. The new drive came about five days later.

Honestly, top-quality support. I went back and apologised for the tone of my threads.`,
    replies: [
      {
        author: "mick_downunder",
        hoursAfter: 16,
        body: "Good on you for going back and apologising. Doesn't happen often on the internet.",
      },
    ],
  },

  // ── Amazon ───────────────────────────────────────────────────────────────
  {
    author: "ordernumber42",
    title: "Fake 256 GB memory card from an Amazon marketplace seller. A-to-z said no, the CEO's inbox said yes",
    company: "amazon",
    product: "microSD card (counterfeit)",
    country: "US",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 200,
    firstResponseAfterHours: 26,
    resolvedAfterHours: 70,
    outcome: "resolved",
    postedAfterHours: 100,
    body: `I bought a "256 GB" card from a third-party seller on Amazon (order 114-3390281-5520447). A capacity test showed it actually held about 32 GB and quietly overwrote everything after that. I lost a weekend of photos.

The seller stopped replying. My A-to-z Guarantee claim was **denied** because I had "not returned the item". I had asked for a return label three times and never got one.

So I wrote to the CEO's publicly known inbox. I attached screenshots of the test, the three unanswered return requests, and the claim denial, and asked for a refund and for the listing to be looked at.

The next day someone from Amazon's executive customer relations team emailed me, signed with a real name. She:

- refunded the full order to my card,
- told me to keep or throw away the card, no return needed,
- said the listing had been sent to the counterfeit team. It disappeared two days later.

Just under three days from email to money back. The A-to-z decision itself was never explained, mind you.`,
    replies: [
      {
        author: "reto_zh",
        hoursAfter: 6,
        body: "Do you know which tool you used for the capacity test? Would be useful for others to know.",
        replies: [
          {
            author: "ordernumber42",
            hoursAfter: 9,
            body: "It was one of the free tools that write the whole card and read it back. Search for \"fake flash test\" and pick one with a lot of reviews. Takes hours on a big card, but it's worth it.",
          },
        ],
      },
    ],
  },
  {
    author: "jonas-ffm",
    title: "Amazon.de: DHL meldet „zugestellt“, das Paket kam nie an – der Chat-Vorgesetzte erstattet sofort",
    company: "amazon",
    otherParty: "dhl",
    product: "Kopfhörer (Sony WH-1000XM4)",
    country: "DE",
    channel: "chat",
    escalatedTo: "supervisor",
    answeredBy: "supervisor",
    escalatedDaysAgo: 120,
    escalatedTime: "19:30",
    firstResponseAfterHours: 0.2,
    resolvedAfterHours: 28,
    outcome: "resolved",
    postedAfterHours: 50,
    body: `Laut Sendungsverfolgung hat DHL mein Paket (Bestellung 302-5581920-1174836) an einem Dienstag um 14:12 Uhr „an den Empfänger zugestellt“. Ich war zu Hause, es hat niemand geklingelt, und bei den Nachbarn war auch nichts.

Der erste Chat mit Amazon ging so: „Bitte warten Sie 48 Stunden, manchmal tauchen Pakete noch auf.“ Nach 48 Stunden bekam ich im zweiten Chat dieselbe Antwort, wortgleich.

Beim dritten Anlauf habe ich höflich, aber bestimmt um einen Vorgesetzten gebeten. Nach etwa zwölf Minuten war eine Teamleiterin im Chat. Sie hat

1. die GPS-Daten des Zustellers angesehen (die Zustellung war angeblich 600 Meter entfernt erfolgt),
2. ohne weitere Diskussion die volle Erstattung angestoßen,
3. den Fall selbst an DHL weitergegeben, sodass ich mich nicht darum kümmern muss.

Das Geld war am nächsten Tag auf der Karte. Das eigentliche Problem liegt bei DHL, aber Amazon hat es gelöst, sobald jemand mit Befugnis im Chat saß.

Mein Tipp: nicht dreimal dasselbe Skript anhören, sondern früh nach dem Vorgesetzten fragen.`,
    replies: [
      {
        author: "kai_berlin",
        hoursAfter: 4,
        body: "Genau meine Erfahrung mit DHL – nur dass bei mir kein Händler dazwischen war, der es auffängt. Siehe meinen Beitrag zu DHL direkt.",
      },
      {
        author: "lena_aus_graz",
        hoursAfter: 30,
        body: "Das mit den GPS-Daten wusste ich nicht. Gut zu wissen, dass die Teamleitung das sehen kann.",
      },
    ],
  },
  {
    author: "kettle_on",
    title: "Amazon UK locked my account with £180 of gift card balance on it. Unlocking it took three weeks, and the balance is only partly back",
    company: "amazon",
    product: "Amazon account / gift card balance",
    country: "GB",
    channel: "social_dm",
    escalatedTo: "pr_social",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 300,
    firstResponseAfterHours: 100,
    resolvedAfterHours: 420,
    outcome: "partly_resolved",
    postedAfterHours: 500,
    body: `One morning my Amazon account was simply closed, "due to activity that violates our terms". I'd had the account for eleven years, and I had just redeemed Christmas gift cards worth £180.

The account specialist team only answers by email, and every email got the same reply: the decision is final. So I sent a direct message to Amazon's UK help account, with the account email and the gift card claim codes.

Four days later (slow for social media) someone from executive customer relations emailed me. Over the next two weeks:

- the account was reinstated, apparently flagged by mistake after a login from abroad,
- £120 of the gift card balance came back,
- the other £60 was "consumed by an order that was cancelled", and they say it can't be restored.

I have the emails showing that cancelled order was refunded *to the card balance*, which then vanished with the closure. They say the case is closed. I've sent it to the Financial Ombudsman anyway, because gift cards are a payment product.`,
    replies: [
      {
        author: "tea_and_tickets",
        hoursAfter: 12,
        body: "I'm not sure the Ombudsman takes gift card disputes. It might be a county court small claim instead. Worth checking before you wait eight weeks for them to say it's out of scope.",
        replies: [
          {
            author: "kettle_on",
            hoursAfter: 20,
            body: "Good point. I'll ring them and ask before building the whole file.",
          },
        ],
      },
    ],
  },
  {
    author: "maple_moose",
    title: "Damaged Dell monitor from Amazon.ca: Dell says talk to Amazon, Amazon says talk to Dell. I give up",
    company: "amazon",
    otherParty: "dell",
    product: "Dell 27\" monitor",
    country: "CA",
    channel: "phone",
    escalatedTo: "supervisor",
    answeredBy: "frontline",
    escalatedDaysAgo: 160,
    firstResponseAfterHours: 1.5,
    outcome: "gave_up",
    postedAfterHours: 400,
    body: `The monitor arrived from Amazon.ca with a hairline crack in the panel. It looked like shipping damage: the outer box had a dent in the exact same spot. Unfortunately I only noticed the crack on day 33, after the 30-day return window.

Amazon said it was now a warranty matter for Dell. Dell said physical damage isn't covered and I should go back to the seller.

I phoned Amazon and asked for a supervisor. After a long hold a "supervisor" came on, but from the way she talked she was plainly a frontline agent reading the same policy. She offered a $25 promotional credit and nothing else.

I've been round this loop three times. I have a 27" monitor with a crack in the bottom-left corner that I can mostly ignore. The time I'm spending on this is worth more than the monitor, so I'm done.

Posting so the data shows it: **answered quickly, fixed nothing.**`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 15,
        body: "Did you pay by credit card? Some cards extend the warranty or cover damage for 90 days. Might still be worth one phone call to the card issuer.",
      },
    ],
  },
  {
    author: "mick_downunder",
    title: "Kindle died at 14 months. Amazon said the warranty was over until NSW Fair Trading got involved",
    company: "amazon",
    product: "Kindle Paperwhite",
    country: "AU",
    channel: "regulator",
    escalatedTo: "unknown",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 340,
    firstResponseAfterHours: 850,
    resolvedAfterHours: 1000,
    outcome: "resolved",
    postedAfterHours: 1100,
    body: `My Kindle's screen froze permanently at fourteen months. Amazon's chat said the one-year manufacturer's warranty had ended, and they offered a discount on a new one.

In Australia, though, the consumer guarantees under the Australian Consumer Law don't stop at the manufacturer's warranty period. A reader should last more than 14 months. The ACCC explains it here: [consumer guarantees](https://www.accc.gov.au/consumers/buying-products-and-services/consumer-rights-and-guarantees).

I pointed that out twice and got the same canned reply both times. So I lodged a complaint with [NSW Fair Trading](https://www.fairtrading.nsw.gov.au/), who pass complaints on to the business.

Then it went quiet for more than a month. Around day 35, someone from Amazon's executive customer relations team emailed me, referring to the Fair Trading case number. No arguing: a replacement Kindle was dispatched and arrived within the week.

It was slow, and nobody at Amazon wrote to me of their own accord. The regulator is what got it moving. But it's fixed.`,
    replies: [
      {
        author: "maple_moose",
        hoursAfter: 30,
        body: "We don't have anything quite that strong in Canada. Jealous.",
      },
    ],
  },

  // ── Deutsche Telekom ─────────────────────────────────────────────────────
  {
    author: "jonas-ffm",
    title: "Glasfaser seit acht Wochen nicht geschaltet – nach einer Mail an den Telekom-Vorstand ging es plötzlich",
    company: "deutsche-telekom",
    product: "Glasfaser-Anschluss (FTTH)",
    country: "DE",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 100,
    escalatedTime: "08:05",
    firstResponseAfterHours: 40,
    resolvedAfterHours: 190,
    outcome: "resolved",
    postedAfterHours: 220,
    body: `Der Glasfaseranschluss lag seit Monaten im Keller, der Vertrag war unterschrieben (Auftragsnummer 88-7719203). Es fehlte nur die Aktivierung. In acht Wochen hatte ich:

- zwei Technikertermine, zu denen niemand kam,
- einen Techniker, der kam, aber „den falschen Auftrag“ hatte,
- vier Hotline-Gespräche mit jeweils neuer Ticketnummer.

Irgendwann habe ich eine sachliche Mail an den Vorstandsvorsitzenden geschrieben, mit allen Terminen, Ticketnummern und einem Satz dazu, was ich will: einen verbindlichen Termin.

Zwei Tage später rief mich jemand vom Beschwerdemanagement des Vorstands an. Er hatte den Fall schon komplett gelesen und mich nichts doppelt gefragt. Er gab mir eine direkte Durchwahl (die ich hier natürlich nicht poste) und einen festen Termin für die folgende Woche.

Der Techniker kam pünktlich, und nach 40 Minuten war die Leitung aktiv. Eine Gutschrift für die Wartezeit habe ich nicht bekommen, aber auch nicht gefordert.

Fazit: Die Mail an den Chef erreicht nicht den Chef, sondern ein Team, das tatsächlich Termine erzwingen kann.`,
    replies: [
      {
        author: "tea_and_tickets",
        hoursAfter: 10,
        body: "Interesting, because my paper letter to Telekom's executive office went nowhere (see my post). Maybe email is the way in there?",
        replies: [
          {
            author: "jonas-ffm",
            hoursAfter: 14,
            body: "Möglich. Ich hatte den Eindruck, dass die Mails an den Vorstand gezielt in dieses Team geroutet werden. Ein Brief landet vielleicht erst in der normalen Poststelle.",
            replies: [
              {
                author: "kai_berlin",
                hoursAfter: 26,
                body: "Kann ich bestätigen, bei mir lief die Vorstands-Mail auch sofort in dieses Team. Und die Durchwahl, die man bekommt, ist Gold wert – gut aufheben.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    author: "kai_berlin",
    title: "DSL seit drei Tagen tot, die Hotline ist ratlos – ein öffentlicher Tweet, und keine halbe Stunde später meldet sich das Social-Team",
    company: "deutsche-telekom",
    product: "MagentaZuhause DSL",
    country: "DE",
    channel: "social_public",
    escalatedTo: "pr_social",
    answeredBy: "pr_social",
    escalatedDaysAgo: 25,
    escalatedTime: "20:50",
    firstResponseAfterHours: 0.4,
    resolvedAfterHours: 22,
    outcome: "resolved",
    postedAfterHours: 30,
    body: `Seit Freitagabend war das DSL weg. Der Router zeigte keine Synchronisation, der Störungsassistent meinte „keine Störung bekannt“, und die Hotline wollte zum dritten Mal, dass ich den Router neu starte.

Am Sonntagabend habe ich dann öffentlich getwittert: Anschluss seit drei Tagen tot, Homeoffice ab Montag, bitte um Hilfe. Dazu kam ein Foto der Routeranzeige, aber natürlich ohne Kundennummer.

Nach 24 Minuten antwortete das Social-Media-Team und bat mich per Direktnachricht um die Anschlussdaten. Die Mitarbeiterin hat eine Leitungsmessung gemacht und sofort einen Fehler am Verteilerkasten gefunden, den die Hotline offenbar nicht sehen konnte. Sie hat direkt einen Technikerauftrag für Montagvormittag angelegt.

Der Techniker war um 10 Uhr da, und um 18 Uhr lief die Leitung wieder. Für die Ausfalltage gab es eine automatische Gutschrift.

Ich schreibe das auf, weil es ein Muster ist: Die Hotline arbeitet Skripte ab, das Social-Team darf tatsächlich messen und Aufträge auslösen.`,
    replies: [
      {
        author: "jonas-ffm",
        hoursAfter: 5,
        body: "Das deckt sich mit meiner Erfahrung. Das Social-Team ist die inoffizielle zweite Ebene.",
      },
    ],
  },
  {
    author: "kai_berlin",
    title: "40 statt 250 Mbit/s: Die Telekom reagiert erst über die Schlichtungsstelle der Bundesnetzagentur",
    company: "deutsche-telekom",
    product: "MagentaZuhause L (250 Mbit/s)",
    country: "DE",
    channel: "regulator",
    escalatedTo: "unknown",
    answeredBy: "supervisor",
    escalatedDaysAgo: 260,
    firstResponseAfterHours: 500,
    resolvedAfterHours: 620,
    outcome: "partly_resolved",
    postedAfterHours: 700,
    body: `Gebucht waren 250 Mbit/s, gemessen habe ich regelmäßig um die 40. Ich habe das sauber dokumentiert, mit dem Messprotokoll der [Breitbandmessung](https://breitbandmessung.de/): 30 Messungen an drei verschiedenen Tagen, per LAN-Kabel.

Die Hotline hat zweimal „die Leitung optimiert“, ohne dass sich etwas geändert hätte. Eine Minderung oder die Sonderkündigung wollte man mir nicht geben.

Also habe ich bei der [Bundesnetzagentur](https://www.bundesnetzagentur.de/) einen Antrag auf Schlichtung gestellt. Die Schlichtungsstelle hat ihn an die Telekom weitergeleitet. Erst dann, rund drei Wochen später, rief mich ein Teamleiter aus dem Kundenservice an.

Das Ergebnis:

- rückwirkend eine Minderung für sechs Monate, als Gutschrift,
- Umstellung auf einen günstigeren Tarif, der zur tatsächlichen Geschwindigkeit passt,
- **keine** Sonderkündigung, die ich eigentlich wollte.

Teilweise gelöst also. Das Schlichtungsverfahren habe ich danach zurückgezogen, weil mir der Aufwand für den Rest zu groß war.`,
    replies: [
      {
        author: "jonas-ffm",
        hoursAfter: 20,
        body: "Kleine Korrektur: Seit der TKG-Novelle brauchst du für die Minderung eigentlich keine Zustimmung der Telekom, wenn das Messprotokoll vorliegt. Das Protokoll ist der Nachweis. Die Gutschrift hättest du also auch einseitig ziehen können.",
        replies: [
          {
            author: "kai_berlin",
            hoursAfter: 27,
            body: "Stimmt, theoretisch. Praktisch wollte ich keinen Streit um Lastschriften. So ist es jetzt wenigstens schriftlich bestätigt.",
          },
        ],
      },
    ],
  },
  {
    author: "tea_and_tickets",
    title: "Telekom billed me twice after I moved to Bonn, and my letter to the executive office vanished",
    company: "deutsche-telekom",
    product: "Home broadband contract",
    country: "DE",
    channel: "letter",
    escalatedTo: "executive",
    escalatedDaysAgo: 180,
    outcome: "gave_up",
    postedAfterHours: 1500,
    body: `I moved from London to Bonn for work and signed up for Telekom broadband. A paperwork mix-up meant I ended up with **two** customer numbers for the same line, and both were being direct-debited every month.

I can get by in German, but not on a fast hotline. I called three times anyway. Each time the agent agreed it was a duplicate and promised the second contract would be closed. It never was.

So I wrote a proper letter, in German that a colleague had checked, to the member of the management board responsible for the German consumer business. I enclosed both contract confirmations and bank statements showing the double debits, and sent it by registered post.

The delivery receipt says it arrived. I never got a reply, not even a form letter.

In the end I cancelled the direct debit mandate for the second customer number at my bank and let their systems sort it out. A reminder letter came once and nothing after that. I never got back the two months of double payments. I've stopped chasing it.`,
    replies: [
      {
        author: "kai_berlin",
        hoursAfter: 40,
        body: "Schade. Versuch es ruhig noch einmal per Mail an den Vorstand, siehe jonas' Beitrag. That route gets to the complaints team much faster than paper, in my experience.",
      },
    ],
  },
  {
    author: "kai_berlin",
    title: "Kündigung zum Vertragsende nicht bestätigt – eine Facebook-Nachricht an die Telekom bringt eine Antwort, aber noch keine Lösung",
    company: "deutsche-telekom",
    product: "Mobilfunkvertrag MagentaMobil M",
    country: "DE",
    channel: "social_dm",
    escalatedTo: "pr_social",
    answeredBy: "frontline",
    escalatedDaysAgo: 17,
    firstResponseAfterHours: 30,
    outcome: "pending",
    postedAfterHours: 120,
    body: `Ich habe meinen Mobilfunkvertrag fristgerecht über den Kündigungsbutton auf der Website gekündigt. Die automatische Eingangsbestätigung kam, die eigentliche Kündigungsbestätigung mit Datum aber nicht, auch nicht nach drei Wochen.

Die Hotline sagt, die Kündigung „liegt vor, ist aber noch in Bearbeitung“. Schriftlich bestätigen könne man das nicht.

Also habe ich dem Telekom-Team eine private Nachricht auf Facebook geschrieben, mit dem Screenshot der Eingangsbestätigung. Nach gut einem Tag kam eine Antwort. Sie war freundlich, klang aber nach Standardtext: Man habe den Vorgang „an die zuständige Fachabteilung weitergeleitet“, und die Bestätigung komme „in den nächsten Tagen“.

Das war vor vier Tagen. Noch steht alles offen, deshalb **pending**. Falls bis zum Vertragsende nichts kommt, geht die Sache an die Verbraucherzentrale.

Für alle, die auch kündigen: Den Screenshot der Eingangsbestätigung sofort speichern. Der Kündigungsbutton ist seit 2022 Pflicht, und die Bestätigung muss eigentlich umgehend kommen.`,
    replies: [
      {
        author: "lena_aus_graz",
        hoursAfter: 8,
        body: "In Österreich ginge das genauso schleppend, fürchte ich. Drück die Daumen.",
      },
      {
        author: "jonas-ffm",
        hoursAfter: 30,
        body: "Wichtig: Die Kündigung ist mit dem Eingang wirksam, nicht erst mit der Bestätigung. Die Bestätigung ist nur dein Beweis, und den hast du ja durch den Screenshot schon.",
      },
    ],
  },

  // ── MediaMarkt / Samsung / DHL ───────────────────────────────────────────
  {
    author: "lena_aus_graz",
    title: "MediaMarkt Graz: Notebook seit neun Wochen in Reparatur, der Marktleiter verweist an Samsung",
    company: "mediamarkt",
    otherParty: "samsung",
    product: "Samsung Galaxy Book3",
    country: "AT",
    channel: "in_store",
    escalatedTo: "supervisor",
    answeredBy: "supervisor",
    escalatedDaysAgo: 140,
    escalatedTime: "16:30",
    firstResponseAfterHours: 0.1,
    outcome: "deflected",
    postedAfterHours: 160,
    body: `Mein Notebook hatte nach vier Monaten einen Displayfehler. Ich habe es im Markt abgegeben (Reparaturauftrag RA-22019-GRZ), und dort hieß es „zwei bis drei Wochen“.

Nach neun Wochen stand ich wieder an der Servicetheke, bekam dieselbe Auskunft wie schon dreimal vorher („ist beim Hersteller“) und bat darum, mit dem Marktleiter zu sprechen. Er kam tatsächlich nach ein paar Minuten und war freundlich. In der Sache hat er aber nur erklärt, dass MediaMarkt keinen Einfluss auf die Reparaturzeiten des Herstellers habe. Ich solle mich direkt an Samsung wenden.

Ich habe ihn darauf hingewiesen, dass mein Vertragspartner MediaMarkt ist und nicht Samsung und dass mir die Gewährleistung gegenüber dem Händler zusteht. Er meinte nur: „Das geht trotzdem schneller über Samsung.“

Immerhin hat er mir die Auftragsnummer des Samsung-Servicepartners aufgeschrieben. Mit der ging es dann weiter, siehe meinen nächsten Beitrag.`,
    replies: [
      {
        author: "reto_zh",
        hoursAfter: 6,
        body: "Formal hast du recht, die Gewährleistung läuft über den Händler. Praktisch war der Tipp mit der Auftragsnummer aber wahrscheinlich das Nützlichste, was er tun konnte.",
      },
    ],
  },
  {
    author: "lena_aus_graz",
    title: "Samsung Österreich ersetzt das Notebook, das bei MediaMarkt in der Reparatur verschollen war – mit Upgrade",
    company: "samsung",
    otherParty: "mediamarkt",
    product: "Samsung Galaxy Book3",
    country: "AT",
    channel: "email",
    escalatedTo: "executive",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 128,
    firstResponseAfterHours: 70,
    resolvedAfterHours: 170,
    outcome: "goodwill",
    postedAfterHours: 200,
    body: `Fortsetzung: Mit der Auftragsnummer vom Marktleiter habe ich bei der Samsung-Hotline angerufen. Dort war das Gerät „nicht auffindbar“. Daraufhin habe ich eine Mail an die Geschäftsführung von Samsung Österreich geschrieben, mit allen Nummern, der Chronologie und den Daten meiner Besuche im Markt.

Knapp drei Tage später kam eine Antwort aus dem Kundenbeziehungsmanagement. Sie hatten inzwischen herausgefunden, dass das Notebook beim Servicepartner falsch etikettiert im Lager lag, zwar repariert, aber seit Wochen ohne Rückversand.

Statt es jetzt noch zurückzuschicken, haben sie mir angeboten:

- ein **neues** Gerät, und zwar die nächstgrößere Ausstattung mit mehr Speicher,
- Versand direkt zu mir nach Hause,
- die Abholung des alten Geräts beim Servicepartner übernehmen sie selbst.

Eine Woche nach meiner Mail war das neue Notebook da. Dass es am Ende der Hersteller richten musste und nicht der Händler, bei dem ich gekauft habe, finde ich bezeichnend.`,
    replies: [
      {
        author: "jonas-ffm",
        hoursAfter: 10,
        body: "Schönes Ende. Und ein gutes Beispiel dafür, warum das Feld „andere Partei“ sinnvoll ist: Samsung hat repariert, was MediaMarkt liegen ließ.",
      },
    ],
  },
  {
    author: "kai_berlin",
    title: "DHL: Paket angeblich „in der Filiale abgegeben“, die Filiale weiß von nichts – drei Kontaktformulare, keine Antwort",
    company: "dhl",
    product: "Paket (privat versendet)",
    country: "DE",
    channel: "web_form",
    escalatedTo: "frontline",
    escalatedDaysAgo: 45,
    outcome: "gave_up",
    postedAfterHours: 500,
    body: `Ein privat verschicktes Paket von meiner Schwester: Laut Sendungsverfolgung wurde es „in der Filiale zur Abholung hinterlegt“. Die Filiale hatte aber weder das Paket noch eine Benachrichtigung im System.

Weil ich als Empfänger bei DHL kaum Ansprechpartner habe, habe ich das offizielle Kontaktformular für Nachforschungen benutzt. Dreimal, im Abstand von jeweils einer Woche:

1. Nachforschungsauftrag mit Sendungsnummer und Fotos vom leeren Abholschein,
2. Nachfrage mit Verweis auf den ersten Auftrag,
3. Beschwerde mit der Bitte um Weiterleitung an eine vorgesetzte Stelle.

Es kam jedes Mal eine automatische Eingangsbestätigung, danach nichts mehr. Kein Mensch hat sich gemeldet.

Meine Schwester hat als Absenderin jetzt den Nachforschungsantrag gestellt, denn offenbar zählt nur der Absender. Der Inhalt war ein Geburtstagsgeschenk im Wert von etwa 40 Euro. Ich habe für mich aufgegeben.

Falls jemand einen Weg kennt, als Empfänger bei DHL einen Menschen zu erreichen: Ich bin ganz Ohr.`,
    replies: [
      {
        author: "jonas-ffm",
        hoursAfter: 20,
        body: "Als Empfänger leider nicht wirklich. Als Absender kann man sich an die Schlichtungsstelle Post der Bundesnetzagentur wenden, das hat bei einem Freund geholfen.",
        replies: [
          {
            author: "kai_berlin",
            hoursAfter: 35,
            body: "Danke, gebe ich an meine Schwester weiter.",
            replies: [
              {
                author: "lena_aus_graz",
                hoursAfter: 60,
                body: "Und wenn es ein versichertes Paket war: Die Haftung liegt beim Absendervertrag. Also unbedingt den Einlieferungsbeleg aufheben.",
              },
            ],
          },
        ],
      },
    ],
  },

  // ── Telefónica Germany (O2) ──────────────────────────────────────────────
  {
    author: "jonas-ffm",
    title: "O2 sperrt nach einem Tarifwechsel meine SIM, drei Wochen ohne Handy – erst die Verbraucherzentrale bringt Bewegung",
    company: "telefonica",
    product: "O2 Mobilfunkvertrag",
    country: "DE",
    channel: "media",
    escalatedTo: "executive",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 70,
    firstResponseAfterHours: 160,
    resolvedAfterHours: 500,
    outcome: "partly_resolved",
    postedAfterHours: 560,
    body: `Ich hatte bei O2 (Telefónica Deutschland) online in einen günstigeren Tarif gewechselt. Am Tag der Umstellung war meine SIM tot. Die Hotline sah „zwei aktive Verträge“ und konnte keinen davon bearbeiten. Im Shop sagte man mir, ich solle die Hotline anrufen.

Nach zehn Tagen ohne Handy, also auch ohne SMS für Online-Banking, bin ich zur Verbraucherzentrale gegangen. Die Beraterin hat ein Schreiben an die Geschäftsleitung von Telefónica Deutschland aufgesetzt, mit Fristsetzung und Hinweis auf die Entschädigung nach dem TKG.

Knapp eine Woche später meldete sich das Beschwerdemanagement der Geschäftsleitung. Es folgten:

- eine neue SIM per Express, die am nächsten Tag funktionierte,
- die Löschung des doppelten Vertrags, allerdings erst nach drei weiteren Wochen,
- eine Gutschrift von 30 Euro.

Die gesetzliche Entschädigung für die Ausfalltage wurde aber „geprüft“ und dann abgelehnt, weil es angeblich keine „Störung“, sondern ein „Vertragsvorgang“ war. Deshalb: teilweise gelöst.`,
    replies: [
      {
        author: "kai_berlin",
        hoursAfter: 22,
        body: "Die Unterscheidung „Störung“ gegen „Vertragsvorgang“ ist ja kreativ. Würde ich mir nicht gefallen lassen, das riecht nach einem Fall für die Schlichtung.",
      },
    ],
  },

  // ── Airlines ─────────────────────────────────────────────────────────────
  {
    author: "siobhan_d",
    title: "Ryanair ignored my refund for a cancelled flight until a newspaper consumer column asked them about it",
    company: "ryanair",
    product: "Refund for cancelled flight DUB–BCN",
    country: "IE",
    channel: "media",
    escalatedTo: "pr_social",
    answeredBy: "pr_social",
    escalatedDaysAgo: 210,
    firstResponseAfterHours: 120,
    resolvedAfterHours: 310,
    outcome: "resolved",
    postedAfterHours: 400,
    body: `Our Dublin–Barcelona flight was cancelled eleven days out. I picked "refund" instead of rebooking, for four passengers, about €430 in total (booking ref QX7T2P).

Ten weeks later I had no money and no reply to the refund form, and the chat kept telling me it was "being processed". I had the EU261 rules printed and highlighted: a refund is due within seven days.

So I wrote to the consumer column of a national newspaper. I kept it to a short timeline and attached the screenshots. The journalist contacted Ryanair's press office for comment.

Five days later someone from the press office emailed me directly. It was polite and brief, and it said the refund had been "expedited". It arrived in my account eight days after that. The column ran a couple of weeks later with a line saying the airline had "apologised for the delay".

I'm glad it worked. I'm less glad that it needed a journalist. What I learned:

- keep every refund confirmation screen,
- mention the seven-day rule by name,
- a reporter's question gets answered before a customer's.`,
    replies: [
      {
        author: "tea_and_tickets",
        hoursAfter: 12,
        body: "The press office route is underrated. They have a very different incentive from customer service: they want the story to go away.",
      },
      {
        author: "grumpy_gadgeteer",
        hoursAfter: 30,
        body: "Skeptical take: this only works if a journalist picks your case. Most letters to consumer columns never get used.",
        replies: [
          {
            author: "siobhan_d",
            hoursAfter: 38,
            body: "True. I think mine got picked because it was four people and a clear deadline they had missed. Keep it simple and make the numbers obvious.",
          },
        ],
      },
    ],
  },
  {
    author: "reto_zh",
    title: "Lufthansa lost my bike box between Zurich and Vancouver. A LinkedIn message to a VP got it found",
    company: "lufthansa",
    product: "Checked sports baggage (bike box)",
    country: "CH",
    channel: "social_dm",
    escalatedTo: "executive",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 190,
    firstResponseAfterHours: 36,
    resolvedAfterHours: 200,
    outcome: "resolved",
    postedAfterHours: 260,
    body: `I flew Zurich–Frankfurt–Vancouver for a cycling trip. My bike box, paid for as sports baggage, didn't arrive. The file reference was YVRLH41827. After a week of "still tracing", the online tracker still showed nothing.

The baggage service hotline couldn't do more than read out the tracker. So I looked up the VP responsible for ground operations and sent a short, polite LinkedIn message with the file reference and the photo of the bag tag. I half expected it to go nowhere.

A day and a half later someone from the customer relations team for the executive board emailed me. She had the file already. Within two days the box had been found: it was sitting in Frankfurt with a torn label and had never been scanned onto the connecting flight. It arrived at my hotel on day eight of the trip, undamaged.

Lufthansa also reimbursed the rental bike I'd used in the meantime, with receipts, and without an argument.

I'd have preferred the normal system to work, but the people at the end of it were excellent.`,
    replies: [
      {
        author: "amelie_lyon",
        hoursAfter: 15,
        body: "LinkedIn is an interesting channel. Did you worry it would look like you were bothering someone personally?",
        replies: [
          {
            author: "reto_zh",
            hoursAfter: 20,
            body: "A bit. I kept it to four lines and apologised for using that channel. I think being brief is what makes it acceptable.",
          },
        ],
      },
    ],
  },
  {
    author: "tea_and_tickets",
    title: "BA refused UK261 compensation for a 'technical' cancellation, took 46 days to repeat it at ADR, and it's still open",
    company: "british-airways",
    product: "Cancelled flight LHR–EDI, UK261 compensation",
    country: "GB",
    channel: "regulator",
    escalatedTo: "unknown",
    answeredBy: "unknown",
    escalatedDaysAgo: 80,
    firstResponseAfterHours: 1100,
    outcome: "pending",
    postedAfterHours: 1300,
    body: `Our Heathrow–Edinburgh evening flight was cancelled with about three hours' notice. The reason given at the gate was "a technical issue with the aircraft". We were rebooked for the next morning. Under UK261 that should mean fixed compensation, because a technical fault is generally not an extraordinary circumstance.

BA's claim form rejected it within a day as "extraordinary circumstances". Their reply didn't explain which ones.

BA is a member of an approved ADR scheme for airline complaints, so I filed the case there. The [CAA's page on complaints](https://www.caa.co.uk/) explains which body handles which airline. The ADR body passed the case to BA.

**Forty-six days** later a response arrived through the scheme, signed only "Customer Relations". It repeated the extraordinary circumstances line. This time it was at least a bit more specific: an "air traffic restriction". That contradicts what we were told at the gate.

I've sent the ADR my gate notes and a screenshot of the original cancellation text. The case is open and I'm waiting for their decision.`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 24,
        body: "The change of reason is useful for you. ADR adjudicators tend to notice when the story moves. Good luck.",
      },
      {
        author: "kettle_on",
        hoursAfter: 48,
        body: "Correction on the wording: ADR schemes aren't regulators as such. The CAA oversees them, but the decision is the scheme's. Doesn't change the advice though.",
      },
    ],
  },

  // ── Banks, ISPs, marketplaces, retailers ─────────────────────────────────
  {
    author: "kettle_on",
    title: "Barclays wouldn't refund a card-not-present fraud. The CEO's office called, explained, and didn't budge",
    company: "barclays",
    product: "Debit card, disputed online transactions",
    country: "GB",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 330,
    firstResponseAfterHours: 20,
    outcome: "explanation_only",
    postedAfterHours: 500,
    body: `Three online transactions, £640 in total, went out on my debit card in one night to a retailer I've never used. I reported it the next morning. The fraud team refused the claim, saying the payments had been "authenticated in your banking app". I never approved anything.

I emailed the CEO's office with a clear timeline, my app's login history (no logins at those times), and a polite request for the decision to be reviewed.

The next day someone from the executive response team phoned me. They were thorough. They walked me through their records and said the approvals came from a device that had been registered to my account about a month earlier. Looking back, that lines up with a "delivery fee" text I may have clicked on.

They said the decision stands because the device had been "added with your credentials". They were sympathetic but firm, and they sent a final response letter.

So I got an explanation and no money. The letter lets me go to the [Financial Ombudsman](https://www.financial-ombudsman.org.uk/), and I have.`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 30,
        body: "Go to the Ombudsman, definitely. \"Added with your credentials\" after a smishing text is exactly the kind of case they look at closely.",
      },
    ],
  },
  {
    author: "ordernumber42",
    title: "Comcast billed me for a modem I returned in person. The executive customer relations team called back in 45 minutes",
    company: "comcast",
    product: "Xfinity rental modem",
    country: "US",
    channel: "email",
    escalatedTo: "executive_relations",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 270,
    escalatedTime: "13:00",
    firstResponseAfterHours: 0.75,
    resolvedAfterHours: 46,
    outcome: "resolved",
    postedAfterHours: 60,
    body: `When I cancelled my service I took the rental modem back to a Comcast store and kept the paper receipt. Two months later my final bill included a $160 "unreturned equipment" charge, and a collections warning came with it.

The phone agents could see the store visit but not the return, so I was told to "dispute it in writing". I did that through the online form. The answer was a template saying the equipment was still outstanding.

Instead of a third round, I emailed the executive customer relations team directly, using an address I found in an older forum thread. I attached a photo of the store receipt with the modem's serial number on it.

**Forty-five minutes later** my phone rang. The caller:

- found the modem in the store's inventory (it had been scanned in under the wrong account),
- removed the charge while we were on the call,
- put in a request to withdraw the collections notice, which was confirmed two days later.

Two lessons: keep every return receipt, and if an executive relations address exists, start there.`,
    replies: [
      {
        author: "maple_moose",
        hoursAfter: 2,
        body: "45 minutes is wild. Was that a Monday? I've always heard those teams are fastest early in the week.",
        replies: [
          {
            author: "ordernumber42",
            hoursAfter: 5,
            body: "Midweek, early afternoon. Could just have been luck with the queue.",
          },
        ],
      },
    ],
  },
  {
    author: "kettle_on",
    title: "eBay Money Back Guarantee claim stuck 'under review' for a fortnight. A public tweet closed it in four days",
    company: "ebay",
    product: "Refurbished laptop, not as described",
    country: "GB",
    channel: "social_public",
    escalatedTo: "pr_social",
    answeredBy: "frontline",
    escalatedDaysAgo: 110,
    firstResponseAfterHours: 6,
    resolvedAfterHours: 96,
    outcome: "resolved",
    postedAfterHours: 120,
    body: `I bought a "grade A refurbished" laptop on eBay UK. It arrived with a cracked hinge and a battery at 41% health. The seller accepted the return, received the laptop (tracked, signed for), and then went silent. No refund.

I opened a Money Back Guarantee case. It sat at "under review" for fourteen days. Every chat said the case was "with a specialist".

So I posted publicly, tagging eBay's UK help account, and gave the case number and the tracking number showing delivery to the seller. I kept the tone neutral.

About six hours later the social team replied and asked me to DM them. The case itself was then picked up by a regular support agent. I think the social team had flagged it as urgent. Three days later she closed the case in my favour and eBay refunded me directly. The seller's account was marked, though I don't know what that means in practice.

Fine outcome. But two weeks of "under review" on a case with a signed delivery receipt is a long time.`,
  },
  {
    author: "pixel_patience",
    title: "AppleCare refused a keyboard repair as 'liquid damage'. Executive relations had it re-inspected and fixed for free",
    company: "apple",
    product: "MacBook Pro 14\"",
    country: "US",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 220,
    firstResponseAfterHours: 22,
    resolvedAfterHours: 110,
    outcome: "resolved",
    postedAfterHours: 150,
    body: `Yes, it's me again. Apparently I escalate things now.

Several keys on my MacBook stopped registering. The Genius Bar technician opened it and said there were "liquid contact indicators" tripped, so the repair would not be covered by AppleCare+. It would be $550 out of pocket, or the AppleCare+ accidental damage fee if I wanted to use one of my incidents.

I have never spilled anything on it. I'm not even allowed coffee near my desk (toddler).

I wrote a short email to the CEO's publicly known address. I described the symptoms, my repair number (R319004471) and the photos the tech had taken, and asked for a second inspection.

Executive relations called the next day. The specialist booked a second inspection at a different store. That technician found **no** liquid damage, only a known keyboard fault, and the repair was done free under warranty three days later.

The specialist emailed me her direct contact for 30 days in case anything else went wrong. Nothing has.`,
    replies: [
      {
        author: "grumpy_gadgeteer",
        hoursAfter: 20,
        body: "Second opinion at a different store is the real trick here. Worth asking for even without the CEO email.",
      },
    ],
  },
  {
    author: "pixel_patience",
    title: "Geek Squad lost my laptop for three weeks. An email to Best Buy's CEO got me a call in four hours",
    company: "best-buy",
    product: "Laptop (Geek Squad repair)",
    country: "US",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 55,
    escalatedTime: "09:10",
    firstResponseAfterHours: 4,
    resolvedAfterHours: 120,
    outcome: "resolved",
    postedAfterHours: 150,
    body: `Yes, Best Buy, the same company that cancelled my Lumia twice. This time it was my partner's laptop, sent off for a hinge repair under a protection plan (service order GS-40217733).

The status said "In transit to repair center" for twenty-two days. The store said the depot had it. The depot line said it had never arrived.

This time I went straight to the top. I emailed Best Buy's CEO with the service order, the drop-off receipt, and one sentence asking them to find it or replace it.

Four hours later a case manager from the executive resolution team called. She:

1. confirmed the laptop had been scanned out of the store but never into the depot,
2. opened a loss claim the same day,
3. approved a replacement of the same or better spec under the protection plan, to be picked up in store.

Five days after my email we collected a new laptop. It wasn't an upgrade, but it came with no arguments.

Best Buy's record with me is now one disaster and one decent recovery.`,
    replies: [
      {
        author: "cyan_and_cranky",
        hoursAfter: 7,
        body: "Interesting that the executive team moved fast once it was Best Buy's own problem and not a manufacturer's.",
      },
    ],
  },
  {
    author: "tea_and_tickets",
    title: "Currys missed three TV delivery slots, and my email to the CEO has had no reply",
    company: "currys",
    product: "55\" OLED TV",
    country: "GB",
    channel: "email",
    escalatedTo: "ceo",
    escalatedDaysAgo: 22,
    escalatedTime: "18:25",
    outcome: "no_response",
    postedAfterHours: 400,
    body: `Three booked delivery days, three no-shows (order CX-7702-K4431). I took a day off work for the second one. Each time I got a text that evening saying "your delivery has been rescheduled", with no reason given.

Customer service apologised and offered £20 "for the inconvenience". They couldn't tell me where the TV actually was.

On the evening of the third missed slot I emailed Currys' CEO. I set out the three dates, asked for either a guaranteed delivery slot or a full refund, and asked for a proper reason.

That was more than two weeks ago. I haven't had a reply, not even an automatic one. Meanwhile my card has been charged for the TV the whole time.

I've asked the card issuer about a chargeback, but they want me to give Currys "reasonable time". I'm posting now so it's on the record. I'll update if anyone from Currys gets in touch.`,
    replies: [
      {
        author: "kettle_on",
        hoursAfter: 10,
        body: "Under the Consumer Rights Act you can give them a final deadline in writing and then cancel for non-delivery. That also tends to speed up the chargeback.",
      },
      {
        author: "mick_downunder",
        hoursAfter: 25,
        body: "Two weeks without even an auto-reply from the CEO's inbox is a bad sign. Try their complaints team in writing as well, so there's a paper trail.",
      },
    ],
  },
  {
    author: "kettle_on",
    title: "Asked about my roaming overcharge through Vodafone's shareholder AGM questions, and a director's office sorted it",
    company: "vodafone",
    product: "Pay-monthly mobile, EU roaming charges",
    country: "GB",
    channel: "other",
    escalatedTo: "ceo",
    answeredBy: "executive",
    escalatedDaysAgo: 380,
    firstResponseAfterHours: 216,
    resolvedAfterHours: 300,
    outcome: "goodwill",
    postedAfterHours: 420,
    body: `A slightly unusual route. I own a small number of Vodafone shares through a savings account, so I can submit questions before the AGM.

For two months I'd been fighting about £95 of roaming charges from a week in Portugal. My plan included EU roaming, but a "daily roaming fee" was charged anyway. Customer service agreed it looked wrong, twice, but the credit never appeared.

The pre-AGM question form asked for questions "for the Chief Executive". I kept mine short and not too personal: how does the company make sure roaming charges it has admitted are wrong actually get refunded? I added my account reference at the end.

Nine days later, after the meeting, someone from the office of one of the executive directors emailed me. It wasn't a complaints handler. He had pulled my account, confirmed the daily fee had been applied by a tariff mapping error, and then:

- credited the £95,
- added a further £50 goodwill credit,
- said the mapping error had been fixed for other customers on my plan.

I don't recommend buying shares just to complain. But if you already own some, the question form gets read.`,
    replies: [
      {
        author: "reto_zh",
        hoursAfter: 40,
        body: "Didn't expect this channel here at all. Filed under \"other\", I see. Nice one.",
      },
    ],
  },

  // ── Dell ─────────────────────────────────────────────────────────────────
  {
    author: "maple_moose",
    title: "Three motherboard swaps on the same XPS 15. Dell's executive support finally replaced the whole laptop with a newer model",
    company: "dell",
    product: "Dell XPS 15",
    country: "CA",
    channel: "email",
    escalatedTo: "ceo",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 85,
    firstResponseAfterHours: 50,
    resolvedAfterHours: 260,
    outcome: "goodwill",
    postedAfterHours: 300,
    body: `My XPS 15 kept shutting down at random under load. Over seven months Dell's on-site service replaced:

1. the motherboard (twice),
2. the fan assembly,
3. the battery,
4. the motherboard again.

Every repair fixed it for about three weeks.

After the fourth visit I asked for a replacement system, and was told a replacement needs "three repairs of the same part within 30 days". Mine were spread over months, so I didn't qualify.

I emailed Dell's CEO with a table of every service request number (SR 1179xxxxx; I've left them out here), dates and parts replaced. I asked for a replacement of equal specification.

Two days later someone from executive support replied. They reviewed the history, agreed it was a lemon, and offered a replacement. Because my configuration was no longer sold, they sent the **current** model with the same RAM and storage, which is a step up in CPU and display.

Delivered about eleven days after my email. So far (six weeks), no shutdowns.`,
    replies: [
      {
        author: "siobhan_d",
        hoursAfter: 14,
        body: "The table of service requests is what did it, I bet. Executive teams love a case they can approve in five minutes.",
      },
    ],
  },
  {
    author: "siobhan_d",
    title: "Dell wouldn't cancel a laptop order stuck 'in production' for five weeks, even though it hadn't shipped",
    company: "dell",
    product: "Dell Latitude (configured order)",
    country: "IE",
    channel: "chat",
    escalatedTo: "supervisor",
    answeredBy: "supervisor",
    escalatedDaysAgo: 34,
    escalatedTime: "11:40",
    firstResponseAfterHours: 0.5,
    outcome: "refused",
    postedAfterHours: 60,
    body: `I ordered a configured laptop from Dell Ireland (order 7841-22093-IE) with an estimated ship date two weeks out. Five weeks later it was still "in production", and the estimate kept sliding a week at a time.

I needed a laptop for a new job, so I asked to cancel. The chat agent said configured orders can't be cancelled once in production. I asked for a supervisor. One joined within half an hour, which was at least quick.

She confirmed the policy and offered two options:

- wait for the order, with no firm date,
- accept the delivery and then use the 14-day cooling-off period to send it back.

I pointed out that I had a right to withdraw from a distance contract, and that it seemed pointless to ship a laptop to me only for me to ship it back. She said that was the process and it "protects the customer". I was refused politely but firmly.

I bought a different laptop locally the same day. When Dell's one arrives I'll refuse the delivery, which should count as withdrawal.`,
    replies: [
      {
        author: "reto_zh",
        hoursAfter: 6,
        body: "Refusing the delivery usually works, but email them a written withdrawal notice too. Then nobody can argue later about when you withdrew.",
        replies: [
          {
            author: "siobhan_d",
            hoursAfter: 9,
            body: "Done, using the model withdrawal form. Thanks.",
          },
        ],
      },
    ],
  },
  {
    author: "grumpy_gadgeteer",
    title: "Dell charged me for a ProSupport renewal I had cancelled; a chat supervisor refunded it inside an hour",
    company: "dell",
    product: "ProSupport warranty renewal",
    country: "US",
    channel: "chat",
    escalatedTo: "supervisor",
    answeredBy: "supervisor",
    escalatedDaysAgo: 12,
    escalatedTime: "14:00",
    firstResponseAfterHours: 0.1,
    resolvedAfterHours: 0.9,
    outcome: "resolved",
    postedAfterHours: 30,
    body: `I do give credit when it's due.

Last year I turned off auto-renew on the ProSupport plan for an old desktop. I still have the confirmation email. This month Dell charged my card $189 for the renewal anyway.

The first chat agent said renewals "can't be reversed after processing". I pasted the confirmation email text and asked for a supervisor. The supervisor joined in about six minutes. She read the confirmation, agreed that the auto-renew flag had been turned back on at some point, which she called a "known issue after a system migration", and issued the refund while we were still chatting.

Under an hour from asking for a supervisor to having a refund confirmation number. The money was back on the card three days later.

A small case, but it shows the same pattern as everywhere else: the first answer is the policy, the second answer comes from someone who is allowed to make a decision.`,
  },
  {
    author: "reto_zh",
    title: "Dell Switzerland: the replacement for a recalled docking station is still 'backordered until next quarter'",
    company: "dell",
    product: "Dell docking station (recall replacement)",
    country: "CH",
    channel: "email",
    escalatedTo: "executive",
    answeredBy: "executive_relations",
    escalatedDaysAgo: 48,
    firstResponseAfterHours: 290,
    outcome: "explanation_only",
    postedAfterHours: 320,
    body: `Dell recalled the power adapter of the docking station I use for work. I registered on the recall page straight away. The confirmation promised a replacement "within 3–4 weeks". Eight weeks later: nothing.

The recall hotline only had a generic answer about demand. So I emailed the executive in charge of Dell's consumer business for Switzerland and the region. I kept it factual: my recall confirmation number, the date, the promised timeframe, and that in the meantime I'm told not to use the product.

Twelve days later an executive customer relations specialist answered. She was helpful in tone and clear:

> Replacement units for your region are backordered until the next quarter. We cannot offer an alternative model or a refund under the recall programme.

So I have an explanation and a date range, but no adapter and no alternative. I'm using a borrowed dock for now.

The response was honest, I'll say that. But telling people to stop using a product and then offering nothing for three months doesn't sit well with me.`,
  },
  {
    author: "mick_downunder",
    title: "Dell Australia's on-site tech came without the part twice. A DM to their social team sorted it in three days",
    company: "dell",
    product: "Dell Inspiron 16",
    country: "AU",
    channel: "social_dm",
    escalatedTo: "pr_social",
    answeredBy: "supervisor",
    escalatedDaysAgo: 150,
    firstResponseAfterHours: 14,
    resolvedAfterHours: 75,
    outcome: "resolved",
    postedAfterHours: 120,
    body: `My daughter's Inspiron needed a new keyboard and palm rest under warranty. Dell booked on-site service, which sounds great. The technician, from a contractor, turned up twice **without the part**. The system showed the part as "dispatched" both times, to a depot he didn't use.

The phone line kept booking a third visit without fixing the underlying problem. So I sent a direct message to Dell's Australian social account. I gave the service tag, both visit dates, and a photo of the contractor's "no part on site" note.

The next morning someone replied, and the case was passed to a support supervisor in Sydney. She called me, re-dispatched the part to the contractor's own depot address, and booked the tech for a day when it would actually be there.

Three days after my message the keyboard was replaced in twenty minutes at our kitchen table. Same fix I'd been asking for, just routed properly this time.`,
  },
];
