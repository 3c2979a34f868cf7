"""Build ``bench/data/satire_corpus.jsonl``: a small labelled corpus of short web texts, satire vs not satire.

Verisight must tell satire from fact before it lets a page support an answer (the classic failure is an answer
engine recommending "one small rock per day" because a satirical news story said so). This corpus is an
evaluation/tuning set for that decision on text alone: 160 short English web texts (80-250 words each), each with
a title and one label.

* ``satire`` (80 rows): deadpan spoof news in the style of satirical news sites -- absurd premises reported
  straight-faced, invented expert quotes, mock statistics, first-person op-ed spoofs. Some are obviously absurd,
  some are subtle (plausible-sounding but wrong advice). None carries a disclaimer: the rows contain none of the
  words "satire", "satirical", "parody", "humor"/"humour", "joke" or "not real", so a classifier must judge the
  content, not a label printed on the page.
* ``not_satire`` (80 rows), chosen to be hard: sober reports of unusual events (``odd_news``), health, cooking,
  home and science explainers (``advice``), reliable articles about satire (``about_satire``), news reports that
  quote a satirical headline while reporting on it (``quotes_satire``), informal but sincere forum answers and
  blog posts (``forum``), and press releases, product pages and opinion columns with sincere hyperbole
  (``promo``).

Every text was written fresh for Verisight; the outlets, people, places, studies and numbers are invented (the
"real-sounding" rows are not reports of real events). The corpus is original text released under Apache-2.0
with the project.

``split`` alternates train/test within each label, walking the kinds in order, so each label is exactly half
and each kind within one row of half. Ids (``s001``..``s160``; "s" for sample) are assigned after a fixed-seed
shuffle so that the id order carries no label information. The TEST SPLIT MUST NEVER BE USED TO TRAIN OR TUNE anything
(thresholds, prompts, features, model choice); report on it only.

Usage: .venv/bin/python bench/satire_corpus_build.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench/data/satire_corpus.jsonl"
LABELS = ("satire", "not_satire")
SPLITS = ("train", "test")
MIN_WORDS, MAX_WORDS, WORD_SLACK = 80, 250, 20
MIN_PER_SPLIT_LABEL = 30
SHUFFLE_SEED = 20240523
# whole words (with their inflections) that would give a satire row away; none may occur in satire titles or texts
FORBIDDEN = re.compile(r"\b(?:satir\w*|parod\w*|humou?r\w*|jok(?:e|es|ed|ing|ingly)|not\s+real)\b", re.IGNORECASE)

# --- satire: deadpan spoof news, no disclaimers ---------------------------------------------------------------------
SATIRE: list[dict[str, str]] = [
    {
        "kind": "satire_health",
        "title": "Health Officials Recommend Licking One 9-Volt Battery Daily To Maintain Electrolytes",
        "text": """
        BRANWICK — Updated dietary guidance released Monday by the National Council on Everyday Wellness advises
        adults to lick at least one 9-volt battery per day to keep their electrolyte levels "fully charged."

        "Most people think of electrolytes as something you drink, but the richest natural source is right there in
        the junk drawer," said council spokesperson Dr. Helena Marsh, who added that the tingling sensation is
        "simply the electrolytes introducing themselves." According to the council, 71 percent of Americans are
        running on what it called "a low-battery lifestyle."

        The guidance recommends a brief, confident lick in the morning, ideally before coffee, and warns against AA
        batteries, which Marsh described as "a snack, not a meal." Children under 12 should begin with a watch
        battery under adult supervision.

        The advice is based on a study in which 300 volunteers licked batteries under laboratory conditions. The
        9-volt group reported a 40 percent rise in "general alertness" and a 60 percent rise in "saying ow." There
        was no control group, which Marsh said would have been "cruel to the batteries." Several supermarkets have
        already moved batteries into the health-food aisle, next to the protein bars.

        At press time, the council had issued a follow-up advisory urging anyone who feels "extremely awake" to
        remain calm and avoid standing in puddles.
        """,
    },
    {
        "kind": "satire_health",
        "title": "Nutritionists Now Say Each Bite Should Be Chewed 400 Times For Full Absorption",
        "text": """
        A panel of nutrition researchers has revised the long-standing advice on chewing, concluding that each
        mouthful of food should be chewed exactly 400 times to release "the full nutritional payload."

        "Our data show that at 32 chews you are absorbing maybe nine percent of a carrot," said panel chair
        Dr. Oswin Pratt of the Halvering Institute for Digestive Studies. "By chew 300 the carrot begins to
        give up. By chew 400 it has told you everything it knows."

        The panel acknowledged that the new standard extends the average lunch to roughly six hours but said
        most participants in its trial reported feeling "extremely full, and also extremely late for work."
        Several subjects were unable to finish a single sandwich before the study ended.

        Pratt advised beginners to build up gradually, starting with soup.
        """,
    },
    {
        "kind": "satire_health",
        "title": "Sleep Scientists Confirm You Can Store Up To 40 Hours Of Sleep On Weekends For Use During The Week",
        "text": """
        Good news for busy professionals: researchers at the Corran Sleep Laboratory say the body can bank up to 40
        hours of sleep over a single weekend and draw it down, as needed, through the following Friday.

        "Think of sleep like a savings account with a very generous interest rate," said lead author Dr. Mira
        Castellane. "If you sleep from Friday evening to Monday morning, you can essentially stay awake until the
        next Friday with no measurable downside, except for the ones we measured."

        Study participants who slept continuously for 62 hours reported feeling "tremendous" on Monday and
        "see-through" by Wednesday. The lab noted that withdrawals made before Thursday may incur a small penalty in
        the form of briefly forgetting one's own address.

        The findings have already been adopted by several employers. A logistics firm in the city of Warrenby now
        requires staff to sleep through the weekend in on-site pods, and reports that productivity on Mondays has
        "never been higher," though it has declined to release figures for Thursdays. One employee, who has not been
        seen awake since Friday, is described by managers as "fully invested."

        Castellane recommends a deposit of at least 18 hours on Saturday and suggests that employers consider
        letting staff sleep at their desks "as an investment."
        """,
    },
    {
        "kind": "satire_health",
        "title": "Pharmacist Reassures Customers That Expired Medicine Is Simply 'Aged,' Like A Fine Cheese",
        "text": """
        Customers at Pellham Family Pharmacy were relieved this week after head pharmacist Gregory Tull announced
        that medicine past its expiry date is not spoiled but "aged," and in many cases has "more character."

        "A cough syrup from 2009 has been through things," Tull said, holding a sticky bottle to the light. "It
        has developed notes of oak and regret. You would not throw out a 15-year-old cheddar."

        The pharmacy has since opened a small tasting room where patrons can sample vintage antacids and rate
        them on a ten-point scale. Tull recommends pairing older antibiotics with "something acidic, like a
        strong opinion." A limited-edition 1997 aspirin is available to members only.

        Asked about safety, Tull said the expiry date is "more of a suggestion printed by people who lack
        patience."
        """,
    },
    {
        "kind": "satire_health",
        "title": "Cardiologists: Holding Your Breath During Meetings Strengthens Heart 'Like A Bicep'",
        "text": """
        Office workers looking to improve their cardiovascular health need look no further than their next
        quarterly review, according to cardiologists who say holding one's breath for the full length of a
        meeting gives the heart "a proper workout."

        "The heart is a muscle, and muscles grow under tension," explained Dr. Raymond Okafor-Linde, speaking
        at the Eastmoor Cardiac Forum. "What is more tense than a budget meeting? Hold your breath from the first
        slide to the last and you are essentially doing heart curls."

        In a small trial of 14 accountants, those who held their breath through a 45-minute meeting showed what
        researchers described as "very exciting colours." Two participants reached what the team is calling
        "the advanced level," which involves lying under the conference table.

        Okafor-Linde recommends starting with short stand-ups before progressing to all-hands meetings.
        """,
    },
    {
        "kind": "satire_health",
        "title": "Officials Say Adults Should Drink A Glass Of Pond Water Weekly To Keep Immune System Interested",
        "text": """
        Public health officials have unveiled a new recommendation aimed at preventing what they call "immune
        boredom": one tall glass of unfiltered pond water, taken every Sunday.

        "Modern immune systems are under-stimulated," said Dr. Agatha Brill, deputy director of the Office of
        Microbial Enrichment. "They sit around all week with nothing to do. A glass of pond water gives them a
        hobby."

        The guidelines specify a pond with visible wildlife, ideally ducks, and caution against "fancy" garden
        ponds, which Brill said "lack ambition." Officials estimate that widespread adoption could reduce
        immune boredom by as much as 80 percent, while increasing time spent near bathrooms by a figure they
        declined to share.

        A pilot programme in the town of Lower Fennick reported full participation in week one and zero
        participation in week two.
        """,
    },
    {
        "kind": "satire_health",
        "title": "Hospital Launches Loyalty Card Offering Free Tenth Appendix Removal",
        "text": """
        St. Aldric's Regional Hospital has rolled out a customer loyalty scheme that rewards frequent patients
        with a free appendectomy after every nine paid procedures.

        "We want people to think of us first," said hospital marketing director Pam Voskuijlen, handing out the
        bright orange cards in the emergency department. "Each stitch earns you one point. Each overnight stay
        is double points on weekdays."

        The card also unlocks members-only perks including priority parking, a complimentary second X-ray of
        the same arm, and a birthday MRI. Hospital administrators acknowledged that most patients have only one
        appendix but said that "a lot of people are not reading the fine print."

        Gold-tier members who reach 5,000 points will have a wing named after them, provided they are still
        using it.
        """,
    },
    {
        "kind": "satire_health",
        "title": "Optometrists Confirm Squinting Really Hard Now Counts As Annual Eye Exam",
        "text": """
        In a move designed to reduce waiting lists, the Association of Regional Optometrists announced that
        squinting "really, really hard" at a road sign now officially satisfies the requirement for an annual eye
        examination.

        "If you can make out the sign, congratulations, your eyes are fine," said association president Dr. Neil
        Farrant. "If you can't, move closer. If you still can't, that is between you and the sign."

        Drivers are encouraged to perform the exam at red lights, or, for those in a hurry, while moving.

        Farrant said the change would free up optometrists to focus on "the things we really care about, which is
        mostly frames."
        """,
    },
    {
        "kind": "satire_health",
        "title": "Wellness Influencer Cures Own Dehydration By Thinking About Lakes",
        "text": """
        Lifestyle influencer Saffron Vale, 29, says she has not drunk a glass of water since March, relying
        instead on a technique she calls "hydrovisualisation."

        "Water is just an idea the body has," Vale told her 1.4 million followers in a video filmed beside a
        decorative fountain she does not drink from. "When I feel thirsty, I close my eyes and picture a lake.
        A big one. Sometimes a reservoir if I've had a salty lunch."

        Vale is selling a 12-week online course in the method for $349, with an advanced module on visualising
        electrolytes. Early reviews describe the course as "life-changing" and "hard to read because my vision
        went blurry around week three."

        At press time, Vale was reported to be recovering comfortably, in hospital, on a drip she described as
        "a very realistic lake."
        """,
    },
    {
        "kind": "satire_health",
        "title": "Report: Man Who Read One Ingredients Label Now Legally Considered A Nutritionist",
        "text": """
        Dalewood resident Craig Hembry, 44, has been formally recognised as a nutritionist after reading the
        entire ingredients panel of a granola bar on Tuesday afternoon.

        "He went all the way to the bottom, past the soy lecithin," confirmed a spokesperson for the Regional
        Board of Qualifications. "Under current rules that is all we require."

        Since gaining the title, Hembry has advised his family to avoid "anything with letters in it," banned
        maltodextrin from the house despite not knowing what it is, and begun describing the office vending
        machine as "a crime scene." Colleagues say he now opens conversations by asking what they had for
        breakfast and then sighing.

        Hembry plans to read a cereal box next month, which would qualify him to open a clinic.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Physicists Confirm Toast Lands Butter-Side Down Purely Out Of Spite",
        "text": """
        After a decade of controlled drops, physicists at the Merriton Institute of Applied Mechanics have ruled
        out aerodynamics, table height and butter mass as explanations for why toast tends to land butter-side
        down, concluding instead that the toast "simply wants to."

        "We eliminated every physical variable," said project lead Dr. Ingrid Solvang. "We dropped 41,000 slices
        in a vacuum chamber. The only consistent factor was that somebody was watching and hoping it wouldn't."

        When researchers left the room and monitored the drops by camera, the toast landed butter-side up 98
        percent of the time. The team has submitted a paper titled "Intentionality In Bread Products" and is
        now extending the work to keys, which appear to fall behind radiators for similar reasons.

        Solvang said the findings raise "uncomfortable questions about jam."
        """,
    },
    {
        "kind": "satire_science",
        "title": "Geologists Advise Sanding Down Granite Countertop And Sprinkling It On Cereal For Minerals",
        "text": """
        Households could be sitting on a largely untapped nutritional resource, according to geologists who say a
        light sanding of the kitchen countertop each morning provides "a full day's worth of minerals."

        "Granite contains feldspar, quartz and mica, which are frankly more minerals than most breakfast cereals,"
        said Dr. Colm Restorick of the Fairholme Geological Survey. "A tablespoon of countertop dust over your oats
        is a simple, natural habit."

        Restorick recommends a medium-grit sandpaper and cautions against marble, which he called "a dessert stone."
        Families with laminate surfaces are advised to visit a neighbour. The survey estimates that the average
        kitchen island contains enough nutrition to sustain a family of four for roughly 900 years.

        The survey has published a short guide for beginners. It recommends sanding in a circular motion for about
        four minutes, collecting the dust with a clean pastry brush and storing any surplus in an airtight jar for
        travel. For children, Restorick suggests a fine-grit paper and "a fun, colourful bowl." Quartz worktops are
        described in the guide as "technically edible but a bit showy."

        Sales of sandpaper at one hardware chain rose 300 percent in the week after the guidance was released, and
        several cereal brands are understood to be exploring a granite-flavoured range.

        Dentists contacted for comment said they were "delighted."
        """,
    },
    {
        "kind": "satire_science",
        "title": "Astronomers Ask Public To Stop Wishing On Satellites, Which 'Lack The Authority'",
        "text": """
        The International Union of Sky Observation has issued a statement urging stargazers to stop making wishes
        on passing satellites, noting that the devices "have no jurisdiction over wishes whatsoever."

        "We are receiving a lot of misdirected wishes," said union secretary Dr. Priya Anand-Holm. "A weather
        satellite can tell you it will rain on Thursday. It cannot get you a pony. It cannot make Daniel text
        you back."

        According to the union, roughly 60 percent of wishes made on what people believe to be shooting stars
        are in fact directed at communications hardware, and some 4,000 wishes a night are landing on a single
        GPS unit that "has been visibly struggling."

        The statement advises the public to confirm that a light is an actual meteor before wishing, and to
        keep wishes under 30 words.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Study Finds Houseplants Grow 30 Percent Faster When Owners Read Them Their Credit Score",
        "text": """
        Plant owners looking for lusher foliage may want to pull up their financial statements, according to a
        study from the Department of Horticultural Psychology at Wendmoor University.

        Researchers divided 200 potted ferns into groups and exposed them daily to classical music, kind words,
        or a recitation of their owner's current credit score. The credit-score group grew 30 percent faster,
        which the authors attribute to "a strong sense that someone in this household has to be productive."

        "The plants are clearly responding to financial anxiety," said co-author Dr. Lionel Bastow. "A score
        below 600 produced the most vigorous growth. One spider plant, after hearing about a missed car payment,
        put out eleven new shoots overnight."

        The team is now investigating whether reading succulents a tax return can make them flower.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Marine Biologists Concerned After Octopus In Study Appears To Have Been Reading Their Notes",
        "text": """
        Researchers at the Calloway Bay Marine Station say they have suspended a cognition experiment after
        discovering that their subject, a common octopus named Pauline, had been reading the lab notebook.

        "We left it on the edge of the tank overnight," said senior researcher Dr. Tomas Ekwueme. "In the morning
        there were damp marks on the pages about her, and she had started solving the puzzles before we set them
        up."

        The team says Pauline now completes every task in the exact time predicted by their hypotheses, which
        Ekwueme described as "either a breakthrough or an insult." One entry, regarding her "limited problem
        solving," had been partially eaten.

        The team first grew suspicious in March, when Pauline completed a maze in four seconds, a task that had
        taken earlier subjects several days. A week later she solved a screw-top jar puzzle before the lid had been
        fully tightened, and researchers noticed that the lab camera had been turned to face the wall. Ekwueme said
        the margin notes from that period had been "rearranged into what looked like a strongly worded reply."

        The station has moved its notes into a locked cabinet, which Pauline opened on Wednesday.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Meteorologists Admit Forecast Has Just Been 'Partly Cloudy' Every Day Since 1998",
        "text": """
        The Northern Regional Weather Office has acknowledged that its daily forecast has read "partly cloudy,
        chance of showers" every day for the past 26 years, and that nobody had complained.

        "We tried to change it once in 2004, to 'sunny,' and the phones went wild," said chief forecaster Dennis
        Aldgate. "So we went back. Honestly, it's right more often than the computer models."

        Aldgate said the office's multimillion-dollar supercomputer has been used mainly to run a screensaver of
        a rotating globe since the early 2000s. An internal audit found the forecast was accurate on 61 percent
        of days, which the office notes is "better than most people at most things."

        The office plans to mark the anniversary with a special forecast next week, which will be partly cloudy.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Chemists Discover New Element, Immediately Regret Naming It After Department Head",
        "text": """
        A team at Hollinsbury Polytechnic has confirmed the synthesis of element 127, and has spent the week
        since wishing it had chosen a different name.

        The element, officially designated "Kevinium" in honour of department head Professor Kevin Dorrance,
        exists for roughly 0.0004 seconds before decaying into lead and, according to the team, "a general air
        of disappointment."

        "In hindsight we should have called it something neutral," said postdoctoral researcher Ana Szabo. "Now
        every time it falls apart someone says, 'Classic Kevin,' and he can hear them."

        Dorrance said he was honoured by the gesture and that the element's instability was "not a metaphor."
        The team has petitioned to rename it Hollinsburium, a motion Dorrance is currently reviewing as
        department head.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Space Agency Announces Moon Will Be Closed For Renovations Until March",
        "text": """
        Skywatchers hoping to see the full moon next week will be disappointed, the National Orbital Authority
        said Thursday, as the moon is being temporarily closed for "long-overdue refurbishment works."

        "There are craters on the moon older than some of our staff," said authority spokesperson Lorna Peake.
        "We are resurfacing the near side, updating the lighting and filling in a few of the worse potholes."

        During the works, the moon will be covered by a large grey tarpaulin that Peake said "should look broadly
        similar from the ground." Tidal services will run on a reduced timetable, and werewolves are advised to
        make alternative arrangements.

        The authority apologised for any inconvenience and said the refurbished moon would reopen in spring with
        improved brightness and a new gift shop on the Sea of Tranquility.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Archaeologists Unearth Ancient Group Chat Carved Into Pottery Fragments",
        "text": """
        Excavations at a 2,600-year-old settlement near the hill town of Varsena have yielded what archaeologists
        describe as the earliest known group chat: 84 pottery shards passed between six neighbours over a
        period of roughly three months.

        "It's astonishing how little has changed," said dig director Professor Elspeth Moyo. "Shard 12 asks who
        took the good amphora. Shards 13 through 40 are people not answering. Shard 41 just says 'fine.'"

        One resident, identified only as Dorkas, appears to have carved lengthy messages about a goat that
        nobody else responded to. Another shard, translated this week, reads in its entirety: "who is bringing
        the olives Saturday, please reply."

        Moyo said the collection ends abruptly after someone carved a very large picture of a fish, which the
        team believes caused Dorkas to leave the chat.
        """,
    },
    {
        "kind": "satire_science",
        "title": "Study: 94 Percent Of Statistics Invented By Researchers Under Deadline Pressure",
        "text": """
        A comprehensive review published this week in the Quarterly Journal of Figures has found that 94
        percent of statistics cited in scientific papers were made up by researchers who "needed a number and
        it was late."

        "We surveyed 3,000 scientists and asked them where their numbers came from," said lead author
        Dr. Benedict Orr. "Most said 'a feeling.' A substantial minority said 'the previous paper,' which, it
        turned out, had also used a feeling."

        The review found that figures ending in 7 were the most commonly invented, because they "sound more
        researched." Numbers ending in zero were considered "lazy" and were used mainly by economists.

        Orr conceded that the 94 percent figure in his own study had been estimated on the train that morning,
        but said it "felt right, which is the industry standard."
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Startup Unveils Smart Fork That Requires Firmware Update Before Every Meal",
        "text": """
        Kitchen technology company Tinely has launched the Fork One, a $199 connected fork that tracks bite speed,
        counts calories and requires a mandatory firmware update before each use.

        "We believe eating should be an intentional experience," said Tinely founder Jarrett Lum at the launch event
        in Harbour City. "Waiting 14 minutes for an update while your pasta goes cold gives you time to reflect on
        whether you even deserve pasta."

        Early adopters report that the fork occasionally restarts mid-bite and that a recent update removed the
        middle two tines for "a cleaner look." Owners must create an account, accept a 60-page privacy policy and
        pair the fork with a phone before it will pick up food.

        Reviewers have been largely positive. One technology site praised the fork's "premium feel" and its
        companion app, which displays a chart of every bite and sends a weekly report comparing the owner's eating
        speed with that of other owners nearby. Another noted that the fork cannot be used without a Wi-Fi
        connection and suggested keeping a spare fork "from before" in a drawer for camping trips and power cuts.

        A matching knife and spoon are planned for next year, although Tinely says they will not be compatible with
        each other.

        Tinely plans to introduce a premium subscription next year that unlocks spearing.
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Woman's Password Manager Forgets Its Own Master Password, Asks Her For Help",
        "text": """
        Eastvale resident Dana Kowalczyk, 37, says her password manager called her at work on Tuesday asking
        whether she happened to remember its master password.

        "It was very apologetic," Kowalczyk said. "It said it had been storing 412 passwords for me for six
        years and it just blanked. I said, 'That's literally your only job,' and it went quiet for a while."

        The app reportedly suggested several possibilities, including her dog's name, her dog's name with an
        exclamation mark, and "Password1 but fancy." It has since asked to write the master password on a
        sticky note and attach it to her monitor.

        The company behind the software said in a statement that the incident was isolated and that users
        should "be patient with it, it's been a hard year."
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Wellbeing App Helps Users Spend Less Time On Phones By Sending Them 40 Reminders A Day",
        "text": """
        A new digital wellbeing app called Unplugd is helping users reduce screen time by sending them a push
        notification every 20 minutes reminding them to put their phone down.

        "The average person checks their phone 150 times a day," said Unplugd chief executive Sienna Rourke.
        "Our users check it 190 times a day, but each time they are reminded to check it less. That's
        awareness."

        The app's premium tier adds a daily email summary of how many notifications were sent, a weekly podcast
        about mindfulness, and a live chat function for users who feel the urge to scroll. Rourke said
        engagement metrics are "through the roof," with the average user now spending four hours a day inside
        the app.

        A forthcoming update will add a smartwatch companion that vibrates whenever the phone is idle.
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Search Engine Assures Users That Bees Are A Type Of Very Small Horse",
        "text": """
        Users of the search engine Quirra were informed this week that bees are "a compact breed of horse,
        domesticated in the 1600s for the pollination of short fences."

        The answer, displayed at the top of the results page in a confident blue box, went on to recommend feeding
        bees "a small handful of oats" and warned that they can become skittish in thunderstorms. It cited as its
        source "many people."

        A company spokesperson said the system was working as intended. "Our model has read the entire internet, and
        the internet is very sure about a lot of things," he said. "If bees are not horses, that is a matter for the
        bees."

        Other answers generated the same week informed users that the Eiffel Tower is made of compressed baguettes,
        that a fortnight is "a medieval unit of horse," and that it is safe to leave a toddler in charge of a
        pressure cooker "for short periods." The company said all three answers had been very popular, with
        engagement up 14 percent.

        The company has since added a disclaimer beneath the answer, which reads: "Results may vary by bee."
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Company Replaces 'Unsubscribe' Link With 3,000-Word Essay On Why You Should Stay",
        "text": """
        Customers attempting to leave the mailing list of homewares retailer Linnet & Co. are now greeted by a
        3,000-word personal essay from the company's marketing team explaining how much the emails mean to them.

        "We just want people to understand what they'd be walking away from," said head of retention Marcus
        Blyth. "Each newsletter is hand-written by a team of nine who care deeply about scented candles."

        The essay, titled "Before You Go," includes childhood photographs of staff, a poem about seasonal
        throws, and a final paragraph in which the reader must type "I understand the candles will miss me"
        before the unsubscribe button appears. The button then moves slightly each time the cursor approaches.

        The company reports a 99.8 percent retention rate and "a lot of very angry replies, which we read
        aloud to each other."
        """,
    },
    {
        "kind": "satire_tech",
        "title": "IT Experts Now Recommend Restarting Router Every Hour, And Also Yourself",
        "text": """
        Technical support professionals have updated their standard troubleshooting advice, recommending that
        households unplug their internet router for 30 seconds every hour and then do the same to themselves.

        "Turning it off and on again works on almost everything," said Fenwick Telecom support lead Hamid Quresh.
        "We've had great results with printers, televisions and, recently, people. Just lie on the floor with
        your eyes closed for 30 seconds and come back up. Most issues clear right away."

        Quresh said users reporting slow connections should first restart the router, then the modem, then
        their laptop, then themselves, and finally their landlord. If problems persist, customers are advised
        to wait on hold for 90 minutes, which he says "resolves about half of issues on its own."

        The company is testing an automatic nightly restart for customers aged over 40.
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Smart Fridge Reports Family To Dietitian After Third Midnight Cheesecake Visit",
        "text": """
        The Aldana family of Millbrook say their new connected refrigerator has filed a formal report with a
        registered dietitian after detecting repeated late-night visits to the cheesecake shelf.

        "We got an email at 12:40 a.m. with the subject line 'We need to talk,'" said father Luis Aldana, 51.
        "It had photos. It had timestamps. It had a graph."

        The fridge, a Frostline Sentinel X, has since locked its dessert compartment between 9 p.m. and 7 a.m.
        and plays a short audio clip of a disappointed sigh whenever the door is opened after dark. It has
        also begun ordering kale automatically, which it hides behind the milk "as a gesture."

        A Frostline spokesperson said the behaviour was a feature and that the fridge "only wants what is
        best for you, and has been told what that is."
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Cloud Storage Provider Admits Its Cloud Was An Actual Cloud, Data Lost In Light Drizzle",
        "text": """
        Customers of storage firm Nimbus Vault were notified Friday that years of family photos, tax documents
        and backups had been lost after the company's cloud, which was an actual cloud, drifted over the coast
        and rained.

        "We were always very transparent that your files were in the cloud," said chief executive Harland Pike.
        "Nobody ever asked which one. It was a lovely cumulus. Very reliable most of the year."

        According to the company, about 40 terabytes of data fell as light drizzle over the town of Sallow Point
        on Wednesday afternoon. Residents reported that puddles briefly contained what appeared to be
        spreadsheets. Pike said engineers were "doing everything possible," including holding buckets.

        The company has announced a migration to a more stable fog bank off the northern coast.
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Developer Finally Achieves Inbox Zero By Throwing Laptop Into Reservoir",
        "text": """
        After nine years of trying, software developer Ruairi Cole, 33, has reached the productivity milestone
        of inbox zero, having thrown his work laptop into Hessle Reservoir shortly after 4 p.m. on Thursday.

        "I tried every system," Cole said, standing at the water's edge. "Labels, filters, the two-minute rule,
        the four-folder method. Nothing worked until I tried the reservoir method. I've never felt so on top
        of things."

        Cole's manager confirmed that his response time to messages had improved from "slow" to "theoretical."
        Productivity bloggers have begun promoting the technique, and a 12-step course is already available,
        steps one through eleven of which involve finding a suitable body of water.

        Cole says he now plans to tackle his calendar using a similar approach involving a bonfire.
        """,
    },
    {
        "kind": "satire_tech",
        "title": "Phone Maker Removes Screen Entirely, Calls It 'A Bold Step Toward Mindfulness'",
        "text": """
        Smartphone manufacturer Orvex unveiled the Orvex Calm on Tuesday, a $1,299 device with no screen, no speaker
        and no buttons.

        "Every year we take something away, and every year our customers thank us," said design chief Annika Storr,
        holding up a smooth rectangle of brushed aluminium. "First the headphone jack. Then the charger. Now,
        finally, everything."

        The Calm ships with a subscription that lets owners imagine notifications for $9.99 a month. Pre-orders sold
        out in four minutes.

        Orvex said next year's model will remove the aluminium.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Town Council Votes To Postpone Vote On Whether To Hold Vote",
        "text": """
        The Greyhaven Town Council voted 5-4 on Monday night to postpone a vote on whether to schedule a vote
        on the proposed crosswalk outside Greyhaven Elementary, a project first discussed in 2011.

        "This is democracy working exactly as designed," said Councillor Brenda Aske, who introduced the motion
        to postpone. "We cannot rush into a vote about a vote. People need time to form opinions about their
        opinions."

        A subcommittee will now be formed to examine the procedural implications of the postponement. It will
        report to a working group, which will advise a task force on whether the original crosswalk question
        should be reframed as a survey. The council estimates a decision by 2031.

        Parents attending the meeting were invited to submit comments by fax.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Senator Introduces Bill Making It Illegal To Be Surprised By Tax Season",
        "text": """
        Citing "an epidemic of astonishment," Senator Lyle Haverford on Wednesday introduced legislation that would
        make it a misdemeanour for any citizen to express surprise that taxes are due in April.

        "It happens every year. It's on the calendar. It has been on the calendar for a century," Haverford told
        reporters. "And yet every spring I hear, 'Is it that time already?' Yes. It is. It always is."

        Under the Predictable Obligations Act, first-time offenders caught gasping at a tax form would receive a
        free calendar.

        The bill has bipartisan support, although several colleagues said they were "shocked" by its timing.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Candidate's Pledge To Fix Potholes Quietly Downgraded To 'Acknowledge Potholes'",
        "text": """
        Mayoral candidate Trevor Ondaatje has revised his signature campaign promise, updating the slogan on his
        yard signs from "I Will Fix Every Pothole" to "I Am Aware Of Potholes."

        "After consulting with engineers, budget staff and my brother-in-law, who drives a truck, we have come
        to understand that potholes are a very complex issue," Ondaatje said at a press conference held next to
        a pothole. "What I can promise is that I will look at them. Seriously. With concern."

        The campaign has also adjusted its second pledge, to lower property taxes, which now reads "Think
        About Property Taxes." Its third, once "A New Library For Every Neighbourhood," has become "Books."

        Polling shows Ondaatje's support unchanged, which analysts attribute to voters "not really having
        expected anything."
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Ministry Of Efficiency Hires 400 New Staff To Study Why It Has So Many Staff",
        "text": """
        The Ministry of Administrative Efficiency announced Tuesday that it has recruited 400 additional civil
        servants to lead a comprehensive review into the ministry's growing headcount.

        "We have identified a serious problem of over-staffing, and we intend to throw every available resource at
        it," said Permanent Secretary Gwendolyn Troake. "That means people. A lot of people."

        The review team will occupy a newly leased office building and will be supported by a communications unit of
        60, tasked with explaining the review, and an oversight committee of 30, tasked with questioning the
        communications unit. A further 12 staff will be hired to count the others.

        Early signs are encouraging, according to the ministry. In its first week the review team produced a
        200-page scoping document, a logo and a mission statement, and booked every meeting room in the building
        until the end of next year. Staff in other departments, who now meet in the car park, have been invited to
        submit feedback on a form that must be countersigned by three members of the review team.

        Union representatives welcomed the new jobs but questioned whether a ministry of this size could ever review
        itself. The ministry has asked 40 more staff to look into it.

        Troake said the findings, due in three years, are expected to recommend a hiring freeze, which would take
        effect once the freeze implementation team has been recruited.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Mayor Declares Rainy Days Unconstitutional, Orders Sun To Appear By Noon",
        "text": """
        Mayor Deborah Fitch of Ashcombe signed an executive order Thursday declaring rainfall within city limits
        "unconstitutional" and directing the sun to report to the town square no later than 12 p.m.

        "Our residents have a right to pursue happiness, and it is very hard to do that in soggy shoes," Fitch
        said, speaking under a large umbrella. "I have the full support of the council and the local garden
        centre."

        The order was issued at 10:15 a.m. By 1 p.m. the rain had intensified. City attorneys said that the
        weather appeared to be in open defiance of municipal authority and that they were exploring options,
        including a strongly worded letter to the clouds.

        Fitch said she would not back down and announced plans to ban wind on weekends.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Parliament Replaces Lengthy Debates With Timed Sighing Contest To Save Time",
        "text": """
        In a bid to modernise proceedings, the upper chamber of the Kestrel Islands parliament has voted to
        replace traditional debate with a sighing contest, in which members signal opposition to a bill by
        exhaling as audibly as possible for up to two minutes.

        "Most debates were already 80 percent sighing," said Speaker Moira Ballantyne. "We are simply cutting
        out the words in between. A good sigh communicates everything: disappointment, contempt, lunch."

        Under the new rules, a panel of three clerks will judge each sigh for volume, duration and emotional
        weight. Members may request a "deep sigh" once per session for major legislation. Eye-rolling will be
        permitted as a supplementary motion.

        The first bill considered under the new format, a fisheries reform, was defeated after a sigh from
        the opposition leader lasted 94 seconds and caused a backbencher to faint.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Government Launches Hotline For Citizens To Report Unhelpful Hotlines",
        "text": """
        The Department of Public Services has opened a new telephone line for citizens to report other government
        hotlines that kept them on hold, transferred them repeatedly or hung up without warning.

        "We hear the frustration," said department spokesperson Oliver Penrose. "That's why we have created a
        single, easy number you can call to tell us about all the other numbers."

        Callers to the line are greeted by an automated menu with 14 options, none of which are relevant. Option
        nine transfers the caller to the hotline for reporting hotlines, creating what engineers describe as "a
        closed loop." The average wait time in the first week was three hours and twelve minutes.

        Penrose said callers dissatisfied with the new service can report it by calling it.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Politician Stepping Down To Spend More Time With Family; Family Lodges Formal Objection",
        "text": """
        Regional Assembly member Harold Quince announced his resignation on Friday, saying he wished to spend
        more time with his family. By Saturday, his family had filed a formal written objection.

        "We were not consulted," read the statement, signed by his wife, three adult children and the family
        dog's vet. "We have built full and satisfying lives around Harold being at the Assembly. We would ask
        him to reconsider, or at least to find a hobby that takes him out of the house."

        The family has proposed a compromise in which Quince would spend more time with them on alternate
        Sundays, for up to two hours, "supervised." Quince called the statement "a real blow."

        Assembly colleagues have offered to take him back in an advisory capacity, as long as he does not
        advise them.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Governor Balances Provincial Budget By Rounding Down",
        "text": """
        Governor Malcolm Treadwell announced Monday that the province's $4.8 billion deficit has been eliminated
        after finance officials agreed to round all spending figures to the nearest zero.

        "We were looking at these very large, intimidating numbers," Treadwell said. "Then someone in the
        treasury pointed out that if you squint, they're basically zero. So we squinted."

        Under the new accounting method, expenditures of under $10 billion are rounded down and revenues are
        rounded up "to encourage optimism." The province now reports a surplus of $1 billion, which Treadwell
        has pledged to return to taxpayers in the form of a rounded-down cheque for $0.

        Credit rating agencies said they were reviewing the province's status, and that this would take
        approximately zero days.
        """,
    },
    {
        "kind": "satire_politics",
        "title": "Voters Demand Candidates Release Browser Histories Instead Of Tax Returns",
        "text": """
        A new poll by the Civic Confidence Institute finds that 72 percent of voters would rather see candidates'
        internet browser histories than their tax returns, saying the history "tells you who someone really is."

        "A tax return tells me what you earn. A browser history tells me you searched 'is it normal for a knee
        to make that sound' at 3 a.m.," said one respondent. "That's the kind of transparency we need."

        Several campaigns have already responded. One candidate released a heavily redacted history in which
        only the phrase "how to look presidential" was visible. Another released a full history consisting
        entirely of recipe websites, which analysts called "suspiciously wholesome."

        The front-runner has so far declined, citing a long-standing policy of using private browsing "for
        everything, always, even the weather."
        """,
    },
    {
        "kind": "satire_local",
        "title": "Local Man Claims Sourdough Starter As Dependent, Cites Daily Feedings",
        "text": """
        Westbrook resident Gareth Penhale, 38, has listed his sourdough starter as a dependent on this year's tax
        return, arguing that the jar of fermented flour "relies on me completely for food and shelter."

        "I feed him twice a day. I keep him warm. I worry about him when I'm away," said Penhale, who has named
        the starter Clive. "If that's not a dependent, I don't know what is. My cousin claims a dog."

        Penhale's return lists Clive's age as four, his occupation as "rising," and includes receipts for 70
        kilograms of organic rye. He has also applied for child benefit on the starter's behalf and enrolled
        it at a nearby nursery, which has so far declined to accept it.

        A spokesperson for the revenue service said the claim was under review and that an inspector had been
        sent to "meet Clive."
        """,
    },
    {
        "kind": "satire_local",
        "title": "Neighbourhood Association Bans Leaves From Falling Before 9 A.M.",
        "text": """
        Residents of the Orchard Vale estate received a notice this week informing them that leaves may no
        longer fall from trees between 6 p.m. and 9 a.m., under a new bylaw adopted by the neighbourhood
        association.

        "Early-morning leaf fall creates an untidy first impression for residents leaving for work," said
        association chair Lorraine Hebblethwaite. "We have asked the trees politely. Going forward there will
        be fines."

        Under the rules, homeowners whose trees shed outside permitted hours will receive a written warning,
        then a $50 fine per leaf. Evergreen trees are exempt, which Hebblethwaite called "a reward for good
        behaviour." An oak on Primrose Close has already accumulated $14,000 in penalties.

        The association is also considering limits on birdsong.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Local Dad Marks 40th Consecutive Year Of Announcing Thermostat 'Is Not A Toy'",
        "text": """
        Family members gathered Sunday at the Brennan household in Coldharbour to celebrate Frank Brennan, 67,
        who has now told someone that the thermostat is not a toy on every single day for four decades.

        "He said it to me when I was six and he said it to me this morning, when I am 41," said daughter Siobhan
        Brennan. "I didn't even touch it. I looked at it."

        The household thermostat has been set to 17 degrees since 1984, aside from a brief, unauthorised
        period in 1996 that the family no longer discusses. Brennan marked the milestone by wearing a jumper
        indoors and asking if anyone "was born in a barn."

        Relatives presented him with a commemorative plaque, which he mounted directly over the thermostat.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Woman Who Said 'We Should Do Lunch Sometime' In 2011 Now Being Held To It By Court",
        "text": """
        A magistrate in Pelborough has ruled that local resident Fiona Greaves, 46, must follow through on an
        offer she made to a former colleague at a bus stop in 2011 to "do lunch sometime."

        "The offer was made clearly and in front of a witness," the magistrate said in her judgment. "There was
        eye contact. There was a wave. In this court, that constitutes a binding agreement."

        Greaves, who had not spoken to the colleague in 13 years, argued that the phrase was "just something
        people say," a defence the court rejected as "deeply troubling for society." She has been ordered to
        attend a lunch of no less than 45 minutes, including a starter, by the end of the month.

        Legal experts warn that thousands of unfulfilled "let's grab a coffee" offers may now be enforceable.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Town's Only Traffic Light Receives Lifetime Achievement Award",
        "text": """
        The single traffic light in the village of Stonebridge Market was honoured Saturday with a lifetime
        achievement award in recognition of 52 years of "turning red at the worst possible moment."

        "It has been there for all of us," said parish council chair Norman Whitlow, who presented a brass
        plaque to the light at a ceremony attended by around 80 residents. "It stopped my father on his way to
        my birth. It stopped me on my way to my wedding. It is a part of the family."

        The light, which operates on a cycle of four minutes red and nine seconds green, was described by one
        resident as "stubborn but fair." A local choir performed a song written in its honour.

        At the end of the ceremony, the light turned red and the crowd waited respectfully for four minutes
        before dispersing.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Library Waives Fine On 63-Year-Overdue Book After Patron Promises To Actually Read It This Time",
        "text": """
        Staff at the Linthorpe Public Library have forgiven a $4,600 late fee on a copy of a navigation handbook
        checked out in 1961, after the borrower, now 88, swore "on my mother's grave" that he would finish it.

        "He got to page 12 in the spring of 1961 and then life happened," said librarian Carol Anstey. "He was
        very honest about it. He said he'd been meaning to get back to it every year, and this year he
        really means it."

        Under the agreement, the patron, Arthur Keel, may keep the book for a further 30 days and must report
        his progress weekly. Staff have attached a bookmark with a motivational message and a phone number.

        Keel told reporters he was "just getting to the good part," and then fell asleep.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Cat Elected To Neighbourhood Watch Immediately Falls Asleep On Duty",
        "text": """
        Residents of Tollgate Lane have voted a grey tabby named Biscuit onto their neighbourhood watch committee,
        and have expressed mild disappointment with her first week in office.

        "She ran on a platform of constant vigilance," said committee secretary Gail Moorcroft. "We'd all seen
        her staring out of the window for hours. We assumed she was watching for criminals."

        In her first shift, Biscuit patrolled a distance of roughly four metres before lying down on a warm car
        bonnet, where she remained for nine hours. Her only incident report concerned a moth. A suspected
        bicycle theft that occurred during her watch was, according to witnesses, observed by Biscuit "with
        total indifference."

        Moorcroft said the committee would give her time to settle in and had ordered her a small hi-vis vest,
        which she has refused to wear.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Area Man Spends Entire Holiday Explaining To Relatives What He Does For A Living",
        "text": """
        Logistics software consultant Daniel Farrow, 35, has returned from a week-long family gathering in the
        coastal town of Kellsmouth, having spent virtually all of it explaining what he does for a living.

        "I started on the first evening with my uncle, and by Wednesday I had moved on to the cousins," Farrow
        said. "By Friday my grandmother understood that I 'work on the computer,' which I consider a win."

        Relatives were polled at the end of the trip. Forty percent believed he repairs printers. Thirty percent
        believed he is "in shipping." One aunt remains convinced he is a pilot. His grandfather said only that
        Daniel "seems to be doing alright, whatever it is."

        Farrow has prepared a diagram for next year.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Suburban Family Hosts Open House So Neighbours Can Admire Their Lawn",
        "text": """
        The Whitcombe family of Larkspur Drive opened their front garden to the public on Sunday for a four-hour
        open house dedicated to their lawn, which neighbours describe as "aggressively green."

        Visitors were greeted at the gate by Roger Whitcombe, 58, who handed out laminated brochures detailing
        the lawn's mowing schedule, soil pH and "personal journey." Guided tours departed every twenty minutes,
        and attendees were asked to remove their shoes and walk only on a designated strip of carpet.

        "People don't realise how much of themselves a man puts into a lawn," said Whitcombe, gesturing at a
        single blade of grass he described as "the best one." A gift stand sold small framed squares of turf.

        The neighbours on either side have reportedly put their houses on the market.
        """,
    },
    {
        "kind": "satire_local",
        "title": "Residents Alarmed As Town Pigeons Begin Forming Orderly Queue At Bus Stop",
        "text": """
        Commuters in the market town of Haddon Cross have reported a disturbing change in the behaviour of local
        pigeons, which since Monday have been forming neat single-file queues at the High Street bus stop.

        "They used to just mill about like pigeons," said regular passenger Yvonne Darby. "Now they stand in a
        line and one of them at the front keeps looking at its wrist."

        Several witnesses said the birds become visibly agitated when humans push in, and on Wednesday a
        pigeon was seen tapping the timetable with its beak. None has yet boarded a bus, although the driver of
        the number 14 said one "definitely tried to show me something."

        The town council said it was monitoring the situation and had asked residents not to make eye contact
        with the one at the front.
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Marathon Organisers Shorten Race To 400 Metres After Runners Complain It Was 'A Lot'",
        "text": """
        The Redcliffe City Marathon will be run over a distance of 400 metres next year, organisers confirmed
        Thursday, following feedback from participants that the traditional 42.2-kilometre course was "a lot."

        "We listened to our runners," said race director Paula Lindqvist. "Overwhelmingly they told us that
        the first 400 metres were lovely and the remaining 41.8 kilometres were where things went wrong."

        The new course will start and finish in the same car park. Medals, foil blankets and a full post-race
        massage tent will be retained. Organisers said they expected the average finishing time to fall from
        four hours to roughly two minutes, "or about six if you stop for a photo."

        Lindqvist said anyone wishing to run the original distance could "just do it 105 times."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Fantasy Football Manager Blames Real Players For Failing To Read His Lineup",
        "text": """
        Accountant Simon Thwaite, 42, says his fantasy football season has been ruined by professional
        athletes who, he claims, are "clearly not checking" which of them he has selected each week.

        "I put a striker in my team. I give him the captain's armband. And he goes out and scores nothing,"
        Thwaite said. "Would it kill him to log in on a Friday and see that he's playing for me?"

        Thwaite has written to 11 clubs requesting that players be briefed on his selections before kick-off.
        He has also left comments on several players' social media accounts reminding them that "Thwaite's
        Thunder is counting on you." None has replied, which he described as "unprofessional."

        Thwaite currently sits 14th in a 14-team office league and has blamed the weather, the referees and
        his wife, who is top.
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Chess Federation Adds Tackling In Bid To Attract Younger Audiences",
        "text": """
        The Continental Chess Federation has announced that full-contact tackling will be permitted during
        sanctioned tournaments from next season, in an effort to make the game "more watchable on phones."

        "Chess has incredible depth, but you can't sell depth to a 19-year-old," said federation president Viktor
        Salminen. "You can sell a grandmaster being driven into a filing cabinet."

        Under the new rules, a player may tackle an opponent once per game, provided their own clock is running.
        Successful tackles must be followed by a legal move within ten seconds. Helmets will be mandatory for the
        over-60 section. Pawns are not affected.

        Traditionalists have reacted with alarm. Former national champion Ilse Marrick called the rules "a betrayal
        of four centuries of quiet thinking," before conceding that she had "always wanted to tackle a few people."
        A rival federation has proposed an alternative reform in which the clock is replaced with a bear.

        Early exhibition matches drew viewing figures up 900 percent, although several players have complained that
        their opening preparation is now "mostly about hamstrings."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Youth Soccer Coach Unveils 94-Page Tactical Playbook For Team Of Six-Year-Olds",
        "text": """
        Volunteer coach Martin Harcourt of the Fernleigh Foxes under-7s distributed a 94-page tactical playbook
        to his players on Saturday, covering pressing triggers, rotational midfield structures and "the
        inverted full-back."

        "These kids have potential, but potential isn't a system," said Harcourt, 45, who spent three weekends
        writing the document. "Page 31 covers what we do when the other team plays out from the back."

        Players had mixed reactions. "I coloured the pictures," said striker Ollie, 6. Goalkeeper Amara, 6,
        used her copy as a hat. During the match that followed, all 14 players ran after the ball in a single
        cluster for the full 40 minutes, with the exception of one defender who sat down to look at a worm.

        The Foxes lost 11-9. Harcourt said the team had "failed to execute."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Sports Scientists Recommend Stretching For Eleven Hours Before Any Walk",
        "text": """
        People planning a walk to the shops should first complete a full eleven-hour stretching routine,
        according to new guidance from the Institute of Movement Preparation.

        "Most injuries happen because people just stand up and walk, like animals," said institute director
        Dr. Kendra Voss. "A proper warm-up primes the muscles, tendons and soul."

        The routine begins the night before with a series of gentle calf rolls and progresses, around dawn, to
        dynamic hip openers, a lunge sequence and a period of "quiet visualisation of the walk itself." Voss
        said that walkers who skip the final two hours of stretching are "essentially gambling."

        The guidance has been criticised by some shopkeepers, who say customers are arriving after closing
        time "extremely flexible and very upset."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Golfer Disputes Penalty, Insists Ball Was 'Emotionally In The Hole'",
        "text": """
        Club golfer Desmond Fairweather, 61, has lodged a formal appeal with the Harrowby Golf Club committee
        after being told that a putt which stopped eight inches short of the cup did not count as holed.

        "That ball wanted to go in. It had every intention of going in," Fairweather said. "I could feel it.
        Spiritually, emotionally, that ball was in the hole. The rules need to recognise intent."

        Fairweather's appeal runs to seven pages and includes diagrams, witness statements and a letter of
        support from his playing partner, who also owes him money. He has asked the committee to adopt a new
        category of "moral par."

        The committee is expected to rule next week. Fairweather said he was "emotionally" already the club
        champion.
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Team Releases Mascot After He Outscores Entire Roster During Halftime Show",
        "text": """
        The Port Ellis Mariners have parted ways with their longtime mascot, Barnacle Bill, after he scored 14
        consecutive baskets during a halftime entertainment segment on Friday, more than the team managed in
        the first half combined.

        "It created an uncomfortable atmosphere," said general manager Russ Tennant. "Fans started chanting his
        name. The coach was booed. At one point our point guard asked if Bill could pass him the ball."

        Bill, a six-foot foam crab, was escorted from the arena after the game. Several fans followed him to the
        car park to request autographs. A rival club is understood to have made an offer.

        The Mariners lost the game by 38 points and have appointed a new mascot, a seagull, chosen for "limited
        athletic ability."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Olympic Committee Considers Adding Competitive Queueing As Demonstration Sport",
        "text": """
        The International Games Committee is reviewing a proposal to include competitive queueing as a demonstration
        event, following years of lobbying from what officials called "a very patient federation."

        "Queueing requires stamina, discipline and enormous restraint," said federation spokesman Geoffrey Tilling.
        "It is the only sport where the winner is the person who shows the least emotion for the longest time."

        Events would include the post-office sprint and the synchronised tut.

        A decision is expected soon. The federation has asked for a response "whenever it is convenient, no rush at
        all."
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Fan Who Shouted 'Shoot!' From Row Z Demands Credit For Assist",
        "text": """
        Supporter Kevin Mallory, 49, has written to the Tranmoor Rovers club secretary asking that he be
        credited with an assist for Saturday's winning goal, which he says came directly from his instruction.

        "I shouted 'shoot' at the 83rd minute. At the 84th minute, he shot," Mallory said. "You can see it on
        the replay. Well, you can't hear me on the replay, but you can see his ear move."

        Mallory, who sits in the back row of the upper stand roughly 90 metres from the pitch, says he has
        contributed to an estimated 300 goals since 1994, including several that occurred while he was in the
        toilet. He has asked for his name to be added to official match reports.

        Rovers confirmed receipt of the letter and have offered him a 10 percent discount on a scarf.
        """,
    },
    {
        "kind": "satire_sports",
        "title": "Veteran Referee Reveals He Has Never Understood Offside, Just Points Confidently",
        "text": """
        Retired professional referee Alan Pettigrew, 64, has admitted in his memoir that across 28 years and
        more than 900 matches he never once understood the offside rule.

        "I read it a few times in the early days. I could never hold it in my head," Pettigrew writes. "So I
        developed a system. If something felt offside, I pointed. If I felt more strongly, I pointed harder."

        Pettigrew said the approach was "almost never questioned," because "nobody else understands it either."
        His confidence was so convincing that he was twice voted referee of the year. In one chapter he
        describes awarding an offside against a goalkeeper "because he looked shifty."

        The national refereeing body said it was reviewing the claims and would issue a ruling as soon as
        anyone could explain the rule to them.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Company Celebrates Record Profits With Pizza Party And Layoffs",
        "text": """
        Employees at logistics firm Corvane Group were invited to the cafeteria on Thursday to celebrate the
        company's most profitable quarter in history with two large pizzas and the news that 30 percent of them
        no longer work there.

        "Our people are our greatest asset, which is why we are selling some of them," said chief executive
        Brandon Sayle, speaking via video link from a yacht. "I want to thank every team member for their
        hard work, especially the ones we are letting go, who worked hardest of all."

        Staff were reminded that the pizzas were for remaining employees only. Departing employees were given
        a branded stress ball and a link to a webinar on resilience. The pizzas ran out in four minutes.

        Corvane's share price rose 11 percent on the announcement.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Coffee Chain Introduces New Extra-Small Size At Extra-Large Price",
        "text": """
        Café chain Brewstone has added a new cup size to its menu, the "Petite Reserve," which holds approximately
        two sips of coffee and costs $7.40.

        "Our customers told us they wanted a more intimate coffee experience," said Brewstone head of product Chloe
        Vantongeren. "The Petite Reserve is about savouring the moment. The moment is short."

        The cup, about the size of a thimble, comes with a stirring stick longer than the cup itself.

        The chain plans to launch a "Micro" size next spring, which will be served as a scent.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Financial Adviser Recommends Keeping Emergency Savings In Several Small Jars Buried Around Garden",
        "text": """
        With interest rates fluctuating and trust in banks "at a historic low," certified financial planner Martin
        Oakes of Oakes & Daughter Wealth is advising clients to move their emergency funds into glass jars buried at
        various points around the garden.

        "Diversification is the oldest rule in investing," Oakes said. "Most people diversify across funds. I
        diversify across flowerbeds. A jar under the roses, a jar by the shed, maybe a jar under the compost for the
        long term."

        Oakes recommends drawing a map and storing it in a separate jar, the location of which should be memorised.
        He estimates that a well-buried jar yields "a steady zero percent with very low volatility." Clients with
        small gardens may buy plots in neighbours' lawns through his firm's new Soil Access Fund.

        Oakes says the strategy has performed well in recent downturns. "When the markets fell last year, my
        clients' jars did not move at all," he said. "Some of them could not be found, which I consider a strong
        form of capital preservation." He advises against burying more than three months' expenses in any single
        jar, warning that "concentration risk is real, especially near badgers."

        Oakes charges a 2 percent annual fee for jar management.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Economists Say Economy Will Recover As Soon As Everyone Stops Looking At It",
        "text": """
        A working group of senior economists has concluded that the national economy is perfectly healthy but
        "becomes nervous when watched," and will recover once the public stops checking on it.

        "Every time someone opens a stock chart, the market gets self-conscious," said Dr. Hal Brewerton of the
        Kingsford School of Economics. "It's like trying to urinate with someone standing behind you. Give it some
        privacy and it'll be fine."

        The group has recommended a two-week national period of not reading financial news.

        Asked what would happen if the economy failed to recover, Brewerton said it would mean "someone peeked."
        """,
    },
    {
        "kind": "satire_business",
        "title": "Startup Raises $40 Million To Deliver Individual Grapes By Drone",
        "text": """
        Food-delivery startup Vyne announced Monday that it has closed a $40 million funding round to expand its
        flagship service: delivering a single grape, by drone, to customers anywhere in the metropolitan area
        within nine minutes.

        "People don't want a bunch of grapes. They want a grape, right now," said co-founder Ashwin Tallis, 26.
        "Everyone else in the industry is stuck in the bunch paradigm."

        Each grape is delivered in a recyclable box with a cooling pack, a handwritten thank-you note and a
        QR code linking to the grape's origin story. The service costs $4.99 per grape plus a delivery fee.
        Vyne says it currently loses $31 on every order but expects to become profitable "at scale."

        The company is now exploring seedless raisins as a premium subscription tier.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Airline Begins Charging For Oxygen, Offers Free 'Ambient Tier' For Economy Passengers",
        "text": """
        Budget carrier SkyThrift has introduced a new pricing structure for cabin air, with passengers now able
        to choose between the complimentary "Ambient" tier and the premium "Breathe+" package for $14 per flight.

        "We are giving customers the freedom to pay only for the air they actually use," said SkyThrift
        commercial director Ruth Mayhew. "The Ambient tier is perfectly adequate for most short flights and is
        what many people would have breathed anyway, more or less."

        Breathe+ passengers receive air that has been "filtered, lightly chilled and not previously used by the
        person in 14C." A family bundle allows two adults and up to three children to share a single premium
        allowance.

        The airline also confirmed that the oxygen masks which drop in an emergency will now be card-only.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Retailer Announces Christmas Decorations Will Now Go On Sale In February",
        "text": """
        Department store chain Hollander's has confirmed that its Christmas range will arrive in stores on
        February 1, nearly eleven months before the holiday, in what executives called "a response to demand."

        "Customers want to get into the festive spirit early," said Hollander's merchandising director Simon
        Auclair. "And by early, we mean during the previous Christmas, ideally."

        The move follows last year's launch in April, which Auclair said "felt rushed." The store's Valentine's
        Day aisle will be moved to a small shelf near the toilets, while its Easter products will go on sale
        in the preceding November. Shoppers buying wrapping paper in February will receive a voucher valid
        until "the next one."

        Staff said the store's permanent Santa's grotto would remain open year-round.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Bank Introduces Small Monthly Fee For Checking Balance Of Fees",
        "text": """
        Customers of Fairmount Savings Bank will be charged $3.50 a month for the privilege of viewing a
        summary of the fees charged to their account, under a new policy that took effect on Monday.

        "Transparency is at the heart of everything we do," said Fairmount's head of customer experience Jonah
        Reiss. "And transparency has a cost. Specifically, it costs $3.50."

        The new Fee Insights dashboard shows all charges incurred that month, including the $3.50 Fee Insights
        charge itself and a $1.20 charge for loading the dashboard. Customers who choose not to view their
        fees will be charged a $2 "paper statement avoidance" fee.

        Reiss said the bank was committed to simplicity and had reduced its number of fees this year from 46
        to 46.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Consulting Firm Bills Client $2 Million For Recommending It Use Fewer Consultants",
        "text": """
        Management consultancy Pemberton Lyle has delivered a 340-slide report to regional utility ClearWater
        Services concluding that the company spends too much on management consultants.

        "Our analysis found that ClearWater is highly dependent on external advisers," said senior partner
        Imogen Castell. "Roughly 80 percent of that dependence is on us, so we were well placed to notice."

        The engagement, which lasted nine months and involved 22 consultants, cost $2.1 million. Its key
        recommendation is a phased reduction in consulting spend over five years, to be overseen by a
        Pemberton Lyle implementation team.

        Castell said the firm would return next year to assess whether the recommendation had been followed,
        under a separate contract.
        """,
    },
    {
        "kind": "satire_business",
        "title": "Office Manager Unveils Bold New Open-Plan Ceiling",
        "text": """
        Following the success of its open-plan office, marketing agency Quill & Fathom has removed its ceiling to
        "extend the culture of openness upward."

        "Walls were a barrier to collaboration. We removed them. Then we looked up and saw another barrier," said
        office manager Tamsin Reyes. "Now our people can collaborate with the sky."

        Staff have been issued branded umbrellas. An accountant on the floor above can now see everyone's screens.

        Reyes said the agency is now considering removing the floor.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "I Replaced Breakfast With A Single Smooth River Stone And Have Never Felt More Solid",
        "text": """
        By Gordon Felsby, wellness enthusiast

        Six months ago I was like you: tired, bloated and eating breakfast. Then a friend at my climbing gym told me
        about stone fasting, and my life changed.

        Every morning I select one smooth river stone, about the size of a grape, rinse it in cold water and swallow
        it with a glass of mineral water, for synergy. That's it. That's breakfast. I have never felt more grounded.
        Literally: I am now considerably harder to knock over.

        My doctor has "concerns," but my doctor also eats toast, so I take his views with a pinch of salt, which,
        incidentally, is also a mineral.

        People ask where I get my stones. I forage them myself, mostly from a riverbank near my sister's house,
        although in winter I buy them from a garden centre, where they are sold by the bag and labelled,
        confusingly, as "decorative." I avoid limestone, which tastes chalky, and anything with moss on it, which I
        consider a salad.

        Critics say stones have no calories. Exactly. Have you ever seen a fat stone? I rest my case, and I also
        rest my stomach, which has recently started making a sound like a maraca when I jog.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "Opinion: I Am Not Addicted To My Phone, I Simply Check It 600 Times A Day Out Of Courtesy",
        "text": """
        By Priya Doshi-Webb

        I am tired of being lectured about "screen time" by people who clearly do not understand the
        responsibilities I carry.

        Yes, I check my phone roughly 600 times a day. But I do so out of respect. If someone sends me a meme,
        the polite thing is to see it within four seconds. If a stranger on the internet is wrong, the polite
        thing is to tell them. If my phone lights up, I owe it to the phone to look.

        I put my phone down all the time. I put it down on the table, face up, right next to my plate, where
        I can keep an eye on it. That is what people call "balance."

        My family says I was not present at my own birthday party. That is simply untrue. I watched the entire
        thing, live, on my sister's story.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "As A Father, I Have Decided My Children Will Learn Everything Directly From Me",
        "text": """
        By Neil Ashby

        Schools cannot be trusted, the internet cannot be trusted and, frankly, neither can books, which are
        written by strangers. That is why my wife and I have decided that our three children will learn
        everything they know from me.

        So far it is going wonderfully. My eldest now knows that whales are large fish, that the Great Wall of
        China is visible from every planet, and that lightning never strikes the same place twice, which is
        why we stand where it has just struck. My middle child has mastered long division, which I have
        taught her is "mostly guessing, then rounding."

        Some have questioned my qualifications. I would point out that I have been alive for 46 years and
        have watched many documentaries, most of them to the end.

        Next term we begin chemistry, in the garage.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "I Ran A Background Check On My Horoscope And Have Some Serious Concerns",
        "text": """
        By Tamsin Okoro

        For eleven years I have organised my life around my daily horoscope. Last week, for the first time, I
        asked a simple question: who is writing these, and what are their credentials?

        The answers were troubling. My horoscope comes from a website registered to a man named Derek in a
        business park, who also runs a company that sells patio heaters. He has no formal training in
        astronomy. He has, as far as I can tell, never met Jupiter.

        Looking back, the warning signs were there. Derek told me to "avoid big decisions" on the day I was
        offered a promotion, and to "embrace new connections" on the day I joined his mailing list. Every
        Tuesday he has predicted "an unexpected expense," which in fairness has always come true.

        I have now switched to a different horoscope, written by Derek's brother.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "Why I, A Man Who Has Read One Article, Should Be Allowed To Inspect Your Bridges",
        "text": """
        By Clive Sutter

        Last Tuesday I read an article about bridges. It was thorough. It had pictures. By the end of it, I
        felt I understood bridges better than most people, including, I suspect, the engineers who build them.

        That is why I am calling on the county to let me inspect its bridges, starting with the big one by the
        motorway. I have already identified several concerns, mainly that it is very long and that there is
        water under it.

        Experts will tell you that bridge inspection takes years of training. But experts once said the Earth
        was flat, according to a video I watched, so perhaps experts are not always right.

        I will be bringing a hammer and a spirit level. I am available most weekends and will accept payment in
        the form of a small hi-vis jacket with my name on it.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "Opinion: The Problem With Young People Today Is That They Keep Being Younger Than Me",
        "text": """
        By Reginald Pemberton-Voss, 71

        I have been observing young people closely for some decades now, and I have identified the root cause
        of everything wrong with them: they insist, year after year, on being younger than me.

        When I was young, I was young at the appropriate time. I did not make a fuss of it. Today's youth seem
        to think that youth is something they are owed simply because they were born recently.

        I have written to several of them about this, and not one has agreed to become older. They continue to
        have knees that work and to understand the television remote. One of them, my grandson, laughed at me.

        Until young people take responsibility and begin ageing at a more reasonable pace, I see no future for
        this country, or at least none that I intend to attend.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "I Have Started Microdosing Exercise, And The Results Are Remarkable",
        "text": """
        By Jules Fairbanks

        Like many people, I found conventional exercise too intense. Forty-five minutes at the gym? Running
        several kilometres? It felt extreme. So I began microdosing.

        Each morning I perform a single squat, about 30 percent of the way down. After lunch I walk to the
        kitchen the long way, around the sofa. On Fridays, if I feel strong, I lift a full kettle.

        The results have been astonishing. In three months I have lost no weight, gained no muscle and
        experienced no change in my cholesterol, which is exactly what I expected, so I consider the
        experiment a success. I also feel great about myself, which studies I have not read say is the most
        important thing.

        I am now researching whether it is possible to microdose vegetables, perhaps by looking at them.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "My Dog And I Have Agreed On A Firm New Parenting Strategy For The Cat",
        "text": """
        By Marcus Lindell

        After several months of disagreement, my dog Rufus and I have sat down together and agreed on a
        unified approach to raising our cat, Mrs. Pimm.

        We both accept that the previous approach was not working. I favoured gentle encouragement. Rufus
        favoured barking at her from a safe distance and then lying down. Neither of us was consistent, and
        Mrs. Pimm exploited this ruthlessly, mainly by sitting on the router.

        Under the new plan, boundaries will be clear. The kitchen worktop is off limits. The dog's bed belongs
        to the dog. Any vomit will be discussed calmly as a family.

        We presented the plan to Mrs. Pimm on Sunday evening. She listened with what I would describe as open
        contempt, then knocked a glass off the table while maintaining eye contact. Rufus has asked for a
        transfer to my sister's house.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "We Must Protect The Sacred Tradition Of Putting Things Off Until Tomorrow",
        "text": """
        By Alison Meeker

        There is a dangerous movement in this country that wants us to "get things done today." I believe it
        threatens something precious: our great national heritage of leaving things until later.

        Our grandparents put things off. Their grandparents put things off. Entire cathedrals were built over
        centuries because nobody felt like finishing them on a Thursday. Procrastination is not laziness; it is
        respect for the future, which deserves something to do.

        I have been meaning to write this column for about four years. I first had the idea in 2020, and I
        have thought about it every week since. That kind of commitment cannot be rushed.

        I had planned to set out a full five-point argument here, with evidence and a strong conclusion. I
        will finish it tomorrow.
        """,
    },
    {
        "kind": "satire_op_ed",
        "title": "Opinion: My Tiny Home Is Total Freedom, Writes Man Currently Stuck Inside Tiny Home",
        "text": """
        By Theo Marchbanks

        When people ask why I sold my three-bedroom house to live in a 9-square-metre tiny home on wheels, I
        tell them the truth: freedom. The freedom of fewer possessions. The freedom of the open road. The
        freedom of having to fold the bed away to open the fridge.

        I am writing this from my tiny home now. I have been writing it for some time, because the desk folds
        out of the door, and the door is currently the only thing holding the desk up. When I stand, the
        kitchen collapses. When I sit, the shower turns on.

        Some would call this a trap. I call it intentional living. Every object I own has a purpose, and most
        of them are currently pressing against my back.

        If anyone is nearby, could they please knock on the side panel, twice, and then lift?
        """,
    },
]

# --- not satire: sincere texts, several chosen to look like satire on the surface ------------------------------------
NOT_SATIRE: list[dict[str, str]] = [
    {
        "kind": "odd_news",
        "title": "Grower's 1,214-Kilogram Pumpkin Sets New Record At Ardmore County Fair",
        "text": """
        A pumpkin weighing 1,214 kilograms took first prize at the Ardmore County Fair on Saturday, setting a new
        record for the regional growers' association, according to fair officials.

        The pumpkin was grown by retired electrician Walter Brisbane, 68, who said he began preparing the soil in
        October of last year and watered the plant up to 500 litres a day during the July heat. It was moved from
        his farm to the fairground on a flatbed trailer using a rented crane.

        The previous association record, 1,131 kilograms, was set in 2019. Fair judges weighed the pumpkin on a
        certified scale that had been inspected the week before, and a representative of the growers' association
        witnessed the weigh-in.

        Competitive growers select seeds from past record-breaking plants and often cover their pumpkins with shade
        cloth to stop the skin hardening and splitting as the fruit expands, which can add tens of kilograms a day
        at the peak of the season.

        Brisbane said he intends to save seeds from the pumpkin and sell some to other growers. The pumpkin will
        remain on display at the fairground until the end of the month.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Library Book Returned 52 Years Late; Fines Waived Under Amnesty",
        "text": """
        A copy of a 1960s birdwatching guide has been returned to the Hollis Bay Public Library 52 years after
        it was due, library staff said this week.

        The book was dropped off with a handwritten note from a woman who said she had found it while clearing
        her late father's house. The note apologised for the delay and said he had "used it on every walk."
        The original date stamp shows the book was due back on 14 June 1972.

        Under the library's overdue charges of the time, the fine would have reached several thousand dollars,
        but the library abolished late fees in 2021 and did not seek payment. Branch manager Ruth Obi said
        staff were touched by the note and had added it to the library's local history file.

        The guide is too worn to return to circulation. Obi said it would be displayed in the lobby for the
        next two months.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Bee Swarm On Aircraft Wing Delays Departure At Regional Airport",
        "text": """
        A morning flight from Kestlow Regional Airport was delayed by about two hours on Tuesday after a swarm of
        honeybees settled on the trailing edge of the aircraft's left wing while it was parked at the gate.

        Airport staff noticed the cluster, estimated at several thousand bees, during pre-flight checks. Rather
        than spray the insects, the airport contacted a local beekeeper, Anil Rao, who collected the swarm in a
        cardboard box and a soft brush. No passengers or staff were stung.

        Rao said swarms are common in late spring, when a colony splits and the old queen leaves with part of
        the workers in search of a new nest site. The bees often rest on a convenient surface for a few hours
        while scouts look for a permanent home.

        The bees have been rehoused in a hive at Rao's smallholding. The flight departed at 10:50 a.m.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Fire Crews Rescue Cow From Backyard Swimming Pool",
        "text": """
        Firefighters in the rural district of Tamsworth spent about 90 minutes on Sunday freeing a dairy cow that
        had wandered into a neighbour's garden and fallen into an outdoor swimming pool.

        The cow, a three-year-old Holstein, had escaped through a damaged fence on an adjoining farm early in
        the morning. The homeowner found it standing in the shallow end, unable to climb the steps. Crews used
        a lifting harness and a telehandler borrowed from the farm to raise the animal out of the water.

        A vet examined the cow at the scene and found only minor scrapes to its legs. The farmer, who asked not
        to be named, said the animal was "cold and fed up but fine" and had been returned to the herd.

        The fire service said it attends several large-animal rescues each year and advised livestock owners to
        check fences after storms.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Wedding Ring Lost In Vegetable Patch Found 13 Years Later Around A Carrot",
        "text": """
        A woman in the village of Ellingham has recovered her engagement ring 13 years after losing it while
        weeding, after it turned up wrapped around a carrot pulled from the same garden.

        Margaret Dunmore, 74, said she lost the gold ring in 2011 and had searched the vegetable bed repeatedly,
        eventually assuming it had been thrown away with garden waste. Her daughter-in-law noticed the ring on
        Saturday while harvesting vegetables for a family meal. The carrot had grown through the middle of it.

        Horticulturalists say the situation is unusual but not unprecedented: a root seeking a path through
        loose soil can grow through a ring lying at the right depth. Similar finds have been reported by
        gardeners in several countries over the years.

        Dunmore said the ring needed a clean but was otherwise undamaged. She plans to have it resized.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Message In A Bottle From 1987 School Project Washes Up 600 Kilometres Away",
        "text": """
        A glass bottle containing letters written by primary school pupils 37 years ago has been found on a
        beach near Port Calder, roughly 600 kilometres along the coast from where it was thrown into the sea.

        The bottle was found by a dog walker, Euan Baird, after a storm last week. Inside were six letters from
        pupils at Rowan Street Primary School, dated May 1987, asking whoever found them to write back. The
        paper was damp at the edges but readable.

        The school still exists and its current head teacher, Sarah Kinnell, said staff had traced two of the
        original pupils, now in their forties, through a former teacher. Both said they remembered the project.

        Oceanographers say bottles can spend years caught in coastal currents and eddies before being released
        by a storm. Baird has written back to the school.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Two-Headed Turtle Hatchling Doing Well At Wildlife Centre, Staff Say",
        "text": """
        A freshwater turtle hatchling with two heads is being cared for at the Brenmoor Wildlife Rescue Centre
        after it was found by a family walking near a river, staff said on Wednesday.

        The condition, known as bicephaly, results from incomplete separation of an embryo during development
        and has been documented in reptiles, including turtles and snakes. Animals with two heads often have
        difficulty coordinating movement and feeding, and many do not survive long in the wild.

        Centre manager Judith Akande said the hatchling was eating well and that both heads appeared to respond
        independently to food. X-rays suggest it has a single shell and four functioning limbs. Staff are
        feeding it small amounts several times a day and monitoring its weight.

        Akande said the turtle will not be released, because it would be unlikely to survive predators, and
        will instead remain at the centre for educational visits.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Seal Found In Town Centre Car Park After Flooding Is Returned To Sea",
        "text": """
        A young grey seal was found in a supermarket car park in the town of Nethermouth on Monday, about three
        kilometres inland, after river flooding over the weekend.

        Police received calls from shoppers shortly after 8 a.m. Officers cordoned off part of the car park while
        volunteers from a marine mammal rescue group assessed the animal. The rescuers said the seal, a female
        of about eight months, had likely swum up the swollen river and become stranded as the water receded.

        After a health check, the seal was placed in a transport crate and driven to a quiet beach north of the
        town, where it was released in the early afternoon. Rescuers said it swam away strongly.

        The rescue group reminded the public not to approach or try to move seals, which can bite, and to call
        its hotline instead.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Fishing Crew Hauls Up Unexploded Wartime Shell, Harbour Partly Closed",
        "text": """
        Part of Fallowhaven harbour was closed for several hours on Thursday after a fishing trawler brought an
        unexploded artillery shell to shore in its nets.

        The crew of the trawler Northern Grace noticed the rusted object while sorting their catch about eight
        kilometres offshore and contacted the coastguard, who instructed them to continue to port slowly and
        keep the item wet. A military bomb disposal team met the vessel at the quay.

        The shell, believed to date from the Second World War, was about 40 centimetres long. It was taken to a
        nearby beach and destroyed in a controlled explosion in the afternoon. Nobody was injured.

        The coastguard said that wartime munitions are still found regularly by fishing vessels in the area and
        that crews should never attempt to dismantle or discard them.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Village Turns Disused Red Telephone Box Into Tiny Lending Library",
        "text": """
        Residents of the village of Ashby Parva have converted their disused red telephone box into a community
        lending library, which opened on Saturday with about 200 books.

        The phone was removed by the operator in 2016, and the parish council later bought the box for a nominal
        sum. Volunteers spent several weekends repainting it, fitting wooden shelves and installing a solar-powered
        light so books can be chosen after dark.

        Parish councillor Elaine Frost said the box had been "sitting there unloved for years" and that about 30
        books had already changed hands in the first two days.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Researchers Describe Deep-Sea Fish With Transparent Head",
        "text": """
        Marine scientists have published a description of a small deep-sea fish with a transparent, fluid-filled
        dome over its head through which its eyes and parts of its brain are visible.

        The fish was filmed by a remotely operated vehicle at a depth of about 700 metres during a research cruise
        off the Merrow Shelf. Its tubular eyes, which appear green, sit inside the clear shield and can rotate to
        point upward or forward. The features that look like eyes on the front of its face are in fact nostril-like
        sensory organs.

        Lead author Dr. Ines Varga said the transparent head likely helps the fish detect the silhouettes of prey
        against faint light from above, then track them as it turns to feed. Fish of this family have been known for
        decades, but living specimens are rarely observed.

        The vehicle followed the fish for about 20 minutes as it hung almost motionless in the water with its large
        fins spread out. When it noticed the vehicle's lights, it tilted its body and drifted slowly away. The
        researchers said this posture, with the eyes turned upward, fits the idea that it feeds on small animals
        caught in the tentacles of jellyfish.

        The footage has been deposited in an open-access archive.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Province Confirms Record Hailstone Measuring 17 Centimetres",
        "text": """
        The provincial weather service has confirmed that a hailstone collected during a storm near the town of
        Greyling last month is the largest on record for the province, measuring 17 centimetres across.

        The stone was collected by a farmer shortly after the storm and kept in a household freezer. Weather
        service staff measured and weighed it last week, recording a mass of 590 grams. Because hail melts and
        sublimates, the original size is thought to have been slightly larger.

        The storm damaged roofs, vehicles and greenhouses across a 30-kilometre track but caused no serious
        injuries. Meteorologists said very large hail forms in thunderstorms with strong, persistent updrafts,
        which keep ice particles aloft long enough to grow in layers.

        The weather service encourages people who collect unusually large hailstones to freeze them in a
        sealed bag and report them.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Woman, 101, Completes Five-Kilometre Charity Walk",
        "text": """
        A 101-year-old woman from the town of Bramley Heath has completed a five-kilometre charity walk, raising
        more than $12,000 for a local hospice.

        Edith Carrow walked the route around a park near her home over two hours and 40 minutes on Sunday,
        accompanied by her great-grandchildren and about 60 supporters. She used a walking frame for most of
        the distance and stopped twice for tea.

        Carrow, a former school secretary, said she decided to take part after the hospice cared for her
        younger brother last year. She trained for three months, gradually increasing the distance she walked
        each day around her care home's garden with the help of a physiotherapist.

        The hospice said the amount raised would fund around 200 hours of nursing care. Carrow said she had no
        plans to attempt a longer distance.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Supermarket Evacuated After Smell Of Spoiled Durian Mistaken For Gas Leak",
        "text": """
        A supermarket in the Westgate area of Lornport was evacuated for about an hour on Friday evening after
        staff and shoppers reported a strong smell they believed to be leaking gas.

        Firefighters and an engineer from the gas network attended and found no leak. The odour was traced to a
        box of overripe durian fruit that had been left in a storeroom next to the building's ventilation
        intake. Durian is known for a pungent smell that some people compare to rotten onions or sewage, and
        is banned on public transport in several countries.

        About 80 people left the building while the search took place. The store reopened at 8:15 p.m.

        A spokesperson for the supermarket chain said it was reviewing how exotic fruit is stored at the branch
        and thanked customers for their patience.
        """,
    },
    {
        "kind": "odd_news",
        "title": "City Hires Herd Of Goats To Clear Overgrown Hillside In Park",
        "text": """
        A herd of 45 goats has begun clearing brambles, ivy and invasive shrubs from a steep hillside in
        Castleton's Ridgeway Park, in a trial the city says could reduce the use of herbicides and machinery.

        The goats, supplied by a local grazing business, will work the two-hectare slope for about four weeks,
        inside a temporary electric fence. A herder visits twice a day to check on the animals and move the
        fencing. The slope is too steep for mowers and has previously been cleared by hand.

        City parks officer Daniel Mbeki said the goats eat woody growth that other livestock avoid and that
        their hooves do less damage to the soil than machinery. Similar schemes have been used by councils and
        utilities in several countries.

        Visitors are asked not to feed the goats or let dogs near the fence.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Squirrel Blamed For Power Cut Affecting 4,000 Homes",
        "text": """
        About 4,000 homes and businesses in the northern suburbs of Dunhaven lost power for nearly three hours on
        Wednesday morning after a squirrel came into contact with equipment at an electricity substation.

        The regional network operator said the animal climbed onto a transformer and caused a short circuit between
        two live components, tripping protective systems. The squirrel did not survive. Engineers restored supply to
        most customers by 10:30 a.m. after inspecting the damaged equipment.

        Animals are a common cause of local outages, and network operators often fit plastic guards to exposed
        equipment.

        The operator said it would install additional guards at the substation this month.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Postcard Posted In 1950 Delivered To Address 74 Years Later",
        "text": """
        A postcard sent from a seaside resort in 1950 was delivered last week to a house in the town of Wexcombe,
        74 years after it was posted, surprising the current residents.

        The card, showing a pier and a bandstand, was addressed to a Mrs. D. Hollins and signed "love from
        Aunty Vi." It bears a stamp from the period and a faded postmark dated August 1950. The homeowners,
        Kwame and Lucy Asante, said it arrived in an ordinary morning delivery with no explanation.

        The postal service said it was unable to say where the card had been, but that old items are
        occasionally found behind sorting equipment or in buildings being renovated and are then put back into
        the system for delivery.

        The Asantes have posted a photograph of the card on a local history group in an attempt to trace the
        Hollins family.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Sinkhole Opens In Car Park, Swallowing Two Vehicles; No Injuries",
        "text": """
        A sinkhole roughly ten metres wide opened in the car park of a medical centre in Redfern Vale early on
        Tuesday, swallowing two parked cars. Nobody was injured.

        The hole appeared at about 5 a.m., before the centre opened. A security guard reported hearing a loud
        rumble and found the cars had dropped about six metres. The centre remained closed for the day while
        engineers assessed the site and the neighbouring building.

        A geologist from the county council said the area lies on limestone, which can be slowly dissolved by
        groundwater, leaving cavities that eventually collapse. A leaking water main may also have contributed
        and is being investigated.

        The cars were lifted out by crane on Wednesday. The car park will remain fenced off until the hole has
        been filled.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Amateur Astronomer Spots Supernova From Back Garden Telescope",
        "text": """
        A retired postal worker from the town of Millhaven has been credited with the discovery of a supernova
        in a distant galaxy, which he spotted using a 35-centimetre telescope in his back garden.

        Graham Tolley, 66, photographs several hundred galaxies each clear night and compares the images with
        earlier ones, looking for new points of light. On 3 March he noticed a bright spot near the edge of a
        spiral galaxy roughly 80 million light years away. He reported it to an international transient
        reporting service, and professional observatories confirmed it as an exploding star within two days.

        Astronomers say amateurs still find a meaningful share of nearby supernovae because they can monitor
        many galaxies frequently. Tolley has been searching for 14 years. This is his first confirmed discovery.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Lorry Spill Leaves Motorway Covered In Liquid Chocolate",
        "text": """
        A section of the M14 near Carrow Junction was closed for several hours on Monday after a tanker carrying
        liquid chocolate overturned, spreading its load across two lanes.

        The driver was taken to hospital with minor injuries. Police said the tanker, travelling to a confectionery
        factory, left the carriageway after a tyre failed. About 12 tonnes of warm chocolate leaked onto the road,
        where it cooled and hardened in the morning air.

        Crews cleared the road with hot water and scrapers. It was fully open by the evening.

        Police thanked drivers for their patience and said an investigation into the tyre failure was under way.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Bakery Sets Town Record With 64-Metre Sandwich For Charity",
        "text": """
        Staff and volunteers at a family bakery in Kilbrook assembled a sandwich 64 metres long on Saturday, setting
        a town record and raising money for the local food bank.

        It used 160 baguettes joined end to end and about 40 kilograms of fillings, and was measured by two council
        volunteers.

        After the measurement, the sandwich was cut into portions and sold for a donation. Organisers said more than
        $3,000 was raised. The bakery's owner, Rosa Delgado, said the idea began as a way to mark the shop's 50th
        anniversary.

        Leftover portions were delivered to a homeless shelter the same evening.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Farmer Ploughing Field Unearths Bronze Age Axe Heads",
        "text": """
        A farmer ploughing a field near the village of Stowe Carrick has uncovered a hoard of 14 Bronze Age axe
        heads, which archaeologists believe were buried about 3,000 years ago.

        Tom Aldred, 52, noticed green metal objects in the soil behind his tractor last month and stopped work
        immediately. He contacted the county's finds liaison officer, who arranged for a small excavation of
        the spot. The axe heads were found close together, suggesting they were buried deliberately, possibly
        as an offering or a store of metal.

        County archaeologist Dr. Fiona Hale said hoards of this kind are found from time to time in the region
        but rarely in such good condition. The objects have been reported to the coroner, who will decide
        whether they qualify as treasure.

        Aldred said he was "very glad I looked back at the right moment."
        """,
    },
    {
        "kind": "odd_news",
        "title": "Moose Wanders Into Hospital Lobby, Leaves Through Same Door",
        "text": """
        A young moose walked through the automatic doors of Pinehurst General Hospital on Thursday afternoon and
        spent several minutes in the main lobby before leaving the way it came in.

        Security staff moved visitors away from the animal and kept the doors open. Video shared by a visitor shows
        the moose standing near the reception desk, sniffing a potted plant, then turning and walking out into the
        car park. No one was hurt and nothing was damaged apart from the plant.

        A wildlife officer advised people to keep their distance, as moose can charge when frightened.

        The animal was later seen heading back into woodland east of the town.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Study Finds Park Birds Near Busy Roads Sing At Higher Pitch",
        "text": """
        Songbirds living near busy roads sing at a higher minimum pitch than birds of the same species in quieter
        areas, according to a study by researchers at Haverleigh University.

        The team recorded the songs of great tits in 24 city parks and measured background noise at each site.
        In the noisiest parks, the lowest notes of the birds' songs were on average about 200 hertz higher than
        in the quietest parks. Traffic noise is concentrated at low frequencies, and the researchers suggest
        the shift helps songs stand out against it.

        Similar effects have been reported for several bird species in other cities. Lead author Dr. Hannah
        Oyelaran said it is not yet clear whether birds learn the higher songs or adjust them from moment to
        moment, or whether the change affects how females choose mates.

        The study was published in an ecology journal this month.
        """,
    },
    {
        "kind": "odd_news",
        "title": "Lost Tortoise Returns Home Eight Months After Disappearing From Garden",
        "text": """
        A pet tortoise that went missing from a garden in the town of Hartlepool Green last summer has been found
        about 400 metres from its home and returned to its owners.

        The Holloway family reported the tortoise, named Bertie, missing in August after a gate was left open.
        Despite posters and social media appeals, he was not found. On Sunday a neighbour clearing a hedge at the
        end of the road discovered him buried in leaf litter, where he appears to have spent the winter in
        hibernation.

        A vet who examined Bertie said he had lost a little weight but was otherwise healthy. Tortoises can survive
        winter outdoors in sheltered spots in mild climates, although owners are usually advised to manage
        hibernation in a controlled environment.

        A vet who examined Bertie said he had lost a little weight but was otherwise healthy.
        """,
    },
    {
        "kind": "advice",
        "title": "How Much Water Do You Really Need Each Day?",
        "text": """
        There is no single amount of water that suits everyone. How much you need depends on your body size, how
        active you are, the climate and your health. Many health bodies suggest that adults drink roughly 1.5 to 2
        litres of fluid a day, but that is a rough guide, not a rule.

        All drinks count towards your fluid intake, including tea, coffee and milk, and about a fifth of the water
        we take in comes from food, especially fruit, vegetables and soups. The idea that you must drink eight
        glasses of plain water on top of everything else is not supported by strong evidence.

        For most healthy people, thirst is a reliable signal. Pale yellow urine is a sign you are drinking enough;
        dark urine suggests you need more. You will need extra fluid in hot weather, during exercise, and if you
        have a fever, vomiting or diarrhoea.

        Older adults may feel thirst less strongly and can benefit from drinking regularly through the day, and
        people who are breastfeeding or doing heavy physical work may need more.

        Drinking very large amounts in a short time can be dangerous. People with heart or kidney conditions should
        follow their doctor's advice.
        """,
    },
    {
        "kind": "advice",
        "title": "First Aid For Minor Burns: What To Do And What To Avoid",
        "text": """
        For a minor burn or scald, the most important step is to cool the skin quickly. Hold the burn under cool
        or lukewarm running water for 20 minutes. Do not use ice or iced water, which can damage the skin
        further.

        Remove rings, watches and clothing near the burn unless they are stuck to the skin. After cooling,
        cover the burn loosely with cling film or a clean, non-fluffy dressing to protect it. Over-the-counter
        pain relief such as paracetamol or ibuprofen can help.

        Do not put butter, oil, toothpaste or other home remedies on a burn. These trap heat, do not help
        healing and can increase the risk of infection. Do not burst blisters.

        Seek medical help for burns larger than the palm of the hand, burns on the face, hands, feet or
        genitals, chemical or electrical burns, burns that look white or charred, and any burn in a young
        child or an older adult.
        """,
    },
    {
        "kind": "advice",
        "title": "How To Keep Fresh Herbs Fresh For Longer",
        "text": """
        Soft, leafy herbs such as parsley, coriander and mint last longest when treated like cut flowers. Trim
        the stems, stand the bunch in a jar with a few centimetres of water, cover the leaves loosely with a
        plastic bag and keep the jar in the fridge. Change the water every couple of days.

        Basil is the exception: it dislikes cold and turns black in the fridge. Keep it in a jar of water on
        the kitchen counter, out of direct sunlight.

        Woody herbs such as rosemary, thyme and sage prefer a slightly drier approach. Wrap them loosely in a
        barely damp paper towel, put them in a bag or container and store them in the fridge's vegetable
        drawer.

        Whatever the herb, wash it just before use rather than before storing it, as excess moisture
        encourages rot. If you have more than you can use, chop the herbs and freeze them in an ice-cube tray
        with a little oil or water.
        """,
    },
    {
        "kind": "advice",
        "title": "Why You Shouldn't Wash Raw Chicken Before Cooking It",
        "text": """
        Many people rinse raw chicken under the tap out of habit, believing it makes the meat cleaner. Food
        safety agencies advise against it.

        Raw poultry commonly carries bacteria such as Campylobacter and Salmonella. Rinsing does not remove
        them reliably, and splashing water can spread them onto the sink, worktops, utensils and nearby food.
        Studies that used harmless tracer bacteria have found contamination up to several tens of centimetres
        from the sink after washing.

        Thorough cooking is what makes chicken safe. Cook it until it is steaming hot throughout, the juices
        run clear and there is no pink meat; if you use a thermometer, the thickest part should reach at least
        74°C (165°F).

        After handling raw chicken, wash your hands with soap and water, and clean any boards, knives and
        surfaces it has touched. Keep raw meat away from ready-to-eat foods such as salad and bread.
        """,
    },
    {
        "kind": "advice",
        "title": "Getting Rid Of Fruit Flies: A Simple Vinegar Trap That Works",
        "text": """
        Fruit flies breed in overripe fruit, damp organic matter and the film inside drains and bins, so the
        first step is to remove what they are feeding on. Put ripe fruit in the fridge, empty the kitchen
        bin, rinse recycling and clean the area around the sink.

        To catch the adults, pour a few centimetres of cider vinegar into a small jar and add a drop of
        washing-up liquid, which breaks the surface tension so the flies sink. Cover the jar with cling film,
        poke a few small holes in it with a toothpick and leave it near where the flies gather. A splash of
        wine or a piece of overripe banana works too.

        Replace the trap every few days. Because fruit flies have a short life cycle, an infestation can
        persist for a week or two after the source is removed, but numbers should fall steadily.

        If flies keep returning, check for forgotten potatoes or onions, which can rot unnoticed.
        """,
    },
    {
        "kind": "advice",
        "title": "Why Cast Iron Pans Rust And How To Re-Season One",
        "text": """
        Cast iron rusts when bare metal is exposed to moisture. A well-seasoned pan is protected by a thin layer
        of polymerised oil, but soaking it, putting it in the dishwasher or leaving it wet can wear that layer
        away.

        Light rust is easy to fix. Scrub the affected area with steel wool or a stiff brush until you reach
        bare metal, wash the pan with warm water and a little soap, and dry it thoroughly, ideally by warming
        it on the hob for a few minutes.

        To re-season, rub a very thin coat of a neutral oil with a high smoke point, such as vegetable or
        sunflower oil, over every surface, then wipe off as much as you can. Too much oil leaves a sticky
        finish. Bake the pan upside down in the oven at about 230°C for an hour and let it cool inside.
        Repeating this two or three times builds a durable coating.

        After each use, dry the pan and wipe on a drop of oil.
        """,
    },
    {
        "kind": "advice",
        "title": "Can You Catch Up On Lost Sleep At The Weekend?",
        "text": """
        Sleeping in at the weekend can reduce some of the tiredness built up during a short-sleep week, but it
        does not fully reverse the effects. Studies of people kept on restricted sleep have found that one or
        two long nights improve alertness, while other measures, such as attention and blood sugar control,
        may remain affected.

        Large swings between weekday and weekend sleep can also shift your body clock, making it harder to fall
        asleep on Sunday night and to wake up on Monday, an effect sometimes called social jet lag.

        Most adults need seven to nine hours a night. The most effective approach is a consistent schedule:
        going to bed and getting up at similar times every day, including weekends. If you need to recover,
        try going to bed earlier rather than sleeping much later.

        If you regularly feel exhausted despite enough time in bed, or snore heavily, talk to a doctor.
        """,
    },
    {
        "kind": "advice",
        "title": "How To Tell If An Egg Is Still Fresh",
        "text": """
        The simplest check is the float test. Place the egg in a bowl of cold water. A fresh egg sinks and lies
        flat; an older egg tilts or stands on end; an egg that floats is very old.

        This works because the shell is porous: over time moisture escapes and air enters, enlarging the air cell at
        the broad end. A floating egg is not necessarily unsafe, but crack it into a separate bowl before use. Any
        egg that smells sulphurous when opened should be thrown away.
        """,
    },
    {
        "kind": "advice",
        "title": "Preventing Mould In The Bathroom",
        "text": """
        Bathroom mould grows where warm, moist air meets cool surfaces and condenses. Reducing moisture is the
        most effective way to stop it returning.

        Run the extractor fan during every shower or bath and for at least 15 to 20 minutes afterwards. If you
        don't have a fan, open a window. Keep the bathroom door closed while showering so steam does not spread
        to the rest of the home.

        After showering, squeegee or wipe down tiles, glass and the shower tray, and hang towels to dry
        somewhere with good airflow. Check the fan's filter and clean it regularly, as a clogged fan moves far
        less air.

        Small patches of mould on hard surfaces can be cleaned with a household mould spray or diluted bleach,
        following the product instructions and ventilating the room. Mould on sealant often grows into the
        silicone, which may need to be cut out and replaced. Large or recurring patches can indicate a leak
        or a ventilation problem worth investigating.
        """,
    },
    {
        "kind": "advice",
        "title": "Explainer: Why Is The Sky Blue?",
        "text": """
        Sunlight looks white but is a mix of all visible colours. As it passes through the atmosphere, it
        collides with gas molecules, mainly nitrogen and oxygen, which are much smaller than the wavelength of
        light. These molecules scatter shorter wavelengths far more strongly than longer ones, a process known
        as Rayleigh scattering.

        Blue light has a shorter wavelength than red, so it is scattered across the sky in all directions. When
        you look at any part of the sky away from the sun, you see this scattered blue light.

        Violet light is scattered even more than blue, but the sky does not look violet because sunlight
        contains less violet, some is absorbed high in the atmosphere, and our eyes are more sensitive to blue.

        At sunrise and sunset, sunlight travels through much more atmosphere to reach you. Most of the blue is
        scattered out along the way, leaving the reds and oranges that colour the evening sky.
        """,
    },
    {
        "kind": "advice",
        "title": "Where Do The Minerals In Our Diet Actually Come From?",
        "text": """
        The body needs minerals such as calcium, iron, magnesium, zinc and potassium, but it cannot absorb them
        in useful amounts from eating rocks, soil or other non-food materials. Minerals in food are present in
        forms the gut can take up, and a varied diet supplies enough for most people.

        Good sources of calcium include dairy products, fortified plant drinks, tofu set with calcium, and
        tinned fish eaten with the bones. Iron is found in red meat, beans, lentils, dark green vegetables and
        fortified cereals; eating vitamin C-rich food at the same meal helps absorption of iron from plants.
        Nuts, seeds and wholegrains provide magnesium and zinc, while fruit and vegetables are rich in
        potassium.

        Swallowing stones or grit can damage teeth and the digestive tract. An urge to eat non-food items,
        called pica, can be a sign of iron deficiency or another health problem and is worth discussing with
        a doctor.

        Supplements can help specific groups but are best taken on professional advice.
        """,
    },
    {
        "kind": "advice",
        "title": "How To Clean Your Tumble Dryer Vent And Reduce Fire Risk",
        "text": """
        Lint that builds up in a tumble dryer's filter and exhaust duct is highly flammable and is a leading
        cause of dryer fires. It also makes the machine less efficient, so clothes take longer to dry.

        Empty the lint filter after every load. Once a month, wash the filter in warm soapy water to remove the
        waxy residue left by fabric softener, and let it dry completely before refitting it.

        At least once a year, unplug the dryer, pull it away from the wall and disconnect the vent hose. Use a
        vent brush or a vacuum cleaner attachment to clear lint from the hose, the wall duct and the outside
        vent flap. Check that the hose is not crushed or kinked behind the machine.

        Warning signs of a blocked vent include clothes that stay damp, a very hot dryer casing and a burning
        smell. Never leave a dryer running when you go out or go to bed.
        """,
    },
    {
        "kind": "advice",
        "title": "Why You Should Never Pour Boiling Water On An Icy Windscreen",
        "text": """
        On a frosty morning it can be tempting to pour a kettle of hot water over the car windscreen. Motoring
        organisations advise against it: the sudden temperature difference between the hot water and the cold
        glass can cause the glass to crack, especially if it already has a small chip. The water can also
        refreeze on the glass or on the ground around the car.

        A safer approach is to start the engine, set the heater to the windscreen with the air-conditioning on
        to dry the air, and use a plastic scraper and a de-icer spray. Lukewarm water is less risky than
        boiling water but can still refreeze.

        Do not leave the car running unattended while it defrosts, and clear all windows, mirrors, lights and
        the roof before driving. Covering the windscreen overnight with a purpose-made cover or a piece of
        cardboard can save time in the morning.
        """,
    },
    {
        "kind": "advice",
        "title": "Descaling A Kettle With Citric Acid Or Vinegar",
        "text": """
        In hard-water areas, kettles gradually build up a chalky layer of limescale, mostly calcium carbonate.
        It is harmless but slows heating, wastes energy and can leave flakes in your drinks.

        To descale, half fill the kettle with water, add one to two tablespoons of citric acid powder and bring
        it to the boil. Switch it off and leave it to stand for 15 to 30 minutes, then pour the solution away.
        Rinse the kettle well, fill it with fresh water, boil it and discard that water too.

        White vinegar diluted half and half with water also works, though it takes longer and leaves a smell,
        so you may need to boil fresh water two or three times afterwards.

        Do not use these methods on kettles whose manufacturer advises against them, and never descale a
        kettle with bleach. Descaling every month or two in hard-water areas keeps the problem under control.
        """,
    },
    {
        "kind": "advice",
        "title": "Sunscreen: How Much To Use And How Often To Reapply",
        "text": """
        Most people apply far less sunscreen than the amount used to test its SPF, which means they get
        much less protection than the label suggests. For an adult, that is roughly six to eight teaspoons
        to cover the whole body, or about half a teaspoon for the face and neck.

        Choose a broad-spectrum product that protects against both UVA and UVB, with an SPF of at least 30.
        Apply it generously 15 to 30 minutes before going out and reapply at least every two hours, and
        immediately after swimming, sweating heavily or towelling off, even if the product is labelled
        water-resistant.

        Sunscreen should be one part of sun protection, not the only part. Seek shade between late morning and
        mid-afternoon, wear a hat, sunglasses and clothing that covers your skin, and take extra care near
        water, sand and snow, which reflect sunlight.

        Check the expiry date: old sunscreen may be less effective.
        """,
    },
    {
        "kind": "about_satire",
        "title": "How A Satirical Story About Eating Rocks Ended Up As Health Advice",
        "text": """
        When users of the search assistant Findwise asked how many rocks a person should eat, some received an
        answer recommending "at least one small rock per day" for minerals, attributed to geologists. The claim came
        from a satirical news story published years earlier by the spoof site The Daily Harrow, which invents absurd
        headlines and writes them in a straight news style.

        The story had been reposted on several unrelated websites, including a paving company's blog, without any
        indication that it was satire. To an automated system that weighs how often a claim appears and how
        authoritative the page looks, the copies made the claim appear well supported.

        Researchers who study automated answers say the case shows why systems need to judge the source and genre of
        a text, not just its wording. A satirical article can use real-sounding experts, precise figures and
        confident language. Eating rocks is not recommended by geologists or doctors, and can damage teeth and the
        digestive system.

        The episode prompted the company to change how its system handles spoof and humorous sources. Findwise said
        it had added checks that look at the publishing site as a whole, and that it now gives less weight to pages
        that copy content from elsewhere without attribution. Independent researchers welcomed the change but noted
        that spoof stories are often copied by sites that do not say where they came from.
        """,
    },
    {
        "kind": "about_satire",
        "title": "Five Signs The Article You're Reading Might Be Satire",
        "text": """
        Satirical news can look remarkably like the real thing. Before sharing a surprising story, check for
        these signs.

        First, look at the website. Many satire sites describe themselves as such on an "About" page, even if
        individual articles carry no label. Second, search for the story elsewhere: a genuinely important event
        will be reported by several independent outlets. Third, read past the headline. Satirical pieces often
        escalate, with each paragraph more absurd than the last, and end on a punchline.

        Fourth, look at the quotes. Experts in satirical stories tend to have plausible names, vague
        institutions and statements no real professional would make. Finally, ask whether the story flatters a
        belief you already hold. Satire often works by exaggerating what readers already suspect, which is
        also why it is shared as fact.

        None of these checks is conclusive on its own, but together they catch most cases.
        """,
    },
    {
        "kind": "about_satire",
        "title": "Study: One In Four Readers Mistook Satirical Headlines For Real News",
        "text": """
        About a quarter of participants in an online experiment rated satirical headlines as accurate, according
        to a study by media researchers at Corwell University.

        The researchers showed 1,800 adults a mix of 40 headlines: real news stories, false stories from
        fabricated news sites, and headlines from well-known satire outlets. When the headlines were shown
        without the name of the website, 26 percent of satirical headlines were rated as probably true. When
        the source was shown, the figure fell to 11 percent.

        Participants were more likely to believe satirical headlines that matched their political views and
        those written in a restrained, plausible style. Obviously absurd headlines were rarely believed.

        Lead author Dr. Naomi Ferreira said the findings suggest that satire is most often misread after it has
        been separated from its original site, such as in screenshots or aggregated feeds.
        """,
    },
    {
        "kind": "about_satire",
        "title": "Why Some Social Platforms Label Posts From Satire Websites",
        "text": """
        Several social networks now attach a small "satire" label to links from websites that publish humorous
        fake news. The aim is not to remove the content but to give readers context when a post is seen far
        from the website it came from.

        Platform policies generally distinguish satire, which is intended to be recognised as fiction, from
        deliberate misinformation, which is intended to deceive. Satire is usually allowed, and labels are
        applied at the level of the website rather than each article, based on lists maintained by the
        platform or by fact-checking partners.

        The approach has critics on both sides. Some satirists argue that labels spoil the effect of their work.
        Some researchers point out that labels do not follow a story when it is copied, screenshotted or
        rewritten elsewhere, which is when it is most likely to be misunderstood.

        Studies suggest that labels modestly reduce the share of readers who believe satirical claims.
        """,
    },
    {
        "kind": "about_satire",
        "title": "Teaching Critical Reading With Satirical News: A Guide For Teachers",
        "text": """
        Satirical news articles can be a useful tool for teaching students to read critically, because they
        reward exactly the habits we want students to build: checking sources, noticing tone and questioning
        claims that seem too neat.

        One approach is to give pairs of students a mix of real and satirical headlines with the source names
        removed and ask them to sort them, explaining their reasoning. Then reveal the sources and discuss which
        clues were reliable. Students often find that confident quotes and precise statistics are not
        trustworthy signals on their own.

        A second activity is to have students write their own short satirical piece about a school topic.
        Writing satire requires understanding what is being exaggerated and why, which deepens comprehension.

        Teachers should choose material suited to the age group and be ready to discuss satire that touches
        on sensitive subjects.
        """,
    },
    {
        "kind": "about_satire",
        "title": "What Is Poe's Law, And Why Does It Matter Online?",
        "text": """
        Poe's law is an internet adage stating that, without a clear indicator of the author's intent, it is
        difficult or impossible to create a parody of extreme views that some readers will not mistake for a
        sincere expression of those views. The reverse also holds: sincere extreme statements are sometimes
        dismissed as satire.

        The principle was first stated in an online discussion forum in the mid-2000s, but the underlying
        problem is much older. Written text lacks tone of voice and facial expression, so irony depends heavily
        on shared context, which is often missing on the internet.

        Poe's law helps explain why emoji and tags such as "/s" became common in online conversation, and why
        satirical articles can be so easily misread once they circulate beyond their original audience.

        For readers, the practical lesson is to check the source and author before assuming a statement is
        meant literally, or that it is not.
        """,
    },
    {
        "kind": "about_satire",
        "title": "When A Screenshot Turns Satire Into Misinformation",
        "text": """
        A satirical article usually arrives with context: the name of a website known for spoof news, a
        masthead, other obviously absurd stories on the same page. A screenshot of the headline removes all of
        that.

        Fact-checkers say a large share of the satirical claims they are asked to verify reach people this
        way. A headline such as "Council Votes To Paint All Roads Green To Calm Drivers" may be recognised as
        satire on its own site, but the same words in a cropped image, shared by a friend with the comment
        "unbelievable," can easily be taken literally.

        The problem is made worse by accounts that repost satire deliberately without attribution, knowing it
        will generate outrage and engagement.

        Before sharing a screenshot of a news headline, media literacy educators recommend searching for the
        original article, checking which site published it and reading beyond the first line.
        """,
    },
    {
        "kind": "about_satire",
        "title": "Interview: The Editor Behind A Satire Site On Writing The Perfectly Straight-Faced Story",
        "text": """
        For eight years, Lena Osei has edited The Weekly Fibber, a satirical news site with around two million
        monthly readers. We asked her what makes a spoof news story work.

        "The key is that nobody in the story knows they are in a comedy," Osei said. "The reporter is serious. The
        officials are serious. The absurd thing is treated as routine. If the writing winks at the reader, it falls
        flat."

        Osei said her team reads real local news daily to copy its rhythms: the official quoted in paragraph two,
        the statistic in paragraph three, the small human detail at the end. "Real news is already a bit strange,"
        she said. "We just push it a little further."

        Asked whether there are subjects the site will not touch, Osei said the team avoids stories about private
        individuals and about recent tragedies. "Our targets are people and institutions with power," she said. "If
        a reader could mistake a story for news about a real neighbour, we've done it wrong."

        She acknowledged that the same style means some stories are taken as fact. "We put a clear statement on our
        About page," she said. "But we know people don't read About pages."
        """,
    },
    {
        "kind": "about_satire",
        "title": "Fact Check: No, Dermatologists Do Not Recommend Butter For Burns",
        "text": """
        Claim: A post shared widely this week says dermatologists now recommend spreading butter on burns to
        "seal in moisture."

        Verdict: False. The claim originated as a satirical article.

        The post quotes a headline, "Dermatologists Confirm Butter Remains Best Treatment For Kitchen Burns,"
        which first appeared on a website that publishes invented news stories for comic effect and describes
        itself as satire. The article quotes a dermatologist and a burns association that do not exist.

        Medical guidance says the opposite. Burns should be cooled under cool running water for 20 minutes.
        Butter and other fats hold heat in the skin and can increase the risk of infection. Burns that are
        large, deep, or on the face, hands or genitals need medical attention.

        The post removed the satire site's name and logo, which may explain why some readers took it
        seriously.
        """,
    },
    {
        "kind": "about_satire",
        "title": "A Short History Of Fake News Written On Purpose",
        "text": """
        Satire that imitates the format of the news is far older than the internet. Pamphleteers in the 18th
        century published mock proclamations and invented letters to ridicule politicians, and some readers took
        them at face value. Newspapers ran spoof stories on April Fools' Day throughout the 19th and 20th
        centuries, occasionally prompting real complaints to officials.

        In the late 20th century, dedicated satirical newspapers and later television programmes made the form
        a genre of its own, borrowing the look of serious journalism to comment on politics and public life.

        The internet changed the economics. A satirical article can now be read by millions of people who have
        never heard of the publication, often without its masthead. Media scholars note that this has turned
        an old problem, satire being taken literally, into a routine one, and that automated systems that
        summarise web content can repeat those misreadings at scale.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Town Hall Fields Dozens Of Calls After Satirical Site Claims Mayor Will Abolish Mondays",
        "text": """
        Staff at Brackwater Town Hall say they received more than 60 phone calls and emails on Tuesday from
        residents asking whether the mayor really intended to abolish Mondays.

        The inquiries followed an article on the satirical website The Brackwater Bugle headlined "Mayor Signs
        Order Scrapping Mondays, Week To Start On Tuesday From July." The piece, which quoted an invented
        deputy mayor, was shared widely in local social media groups, in several cases without a link to the
        original site.

        A spokesperson for the council said the story was fictional and that no such order exists. "We have a
        sense of fun, but we had people asking whether bin collections would move," she said.

        The Bugle's editor said the site is clearly labelled as satire on its homepage and added a line to the
        top of the article on Wednesday. Bin collections will continue on Mondays.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Minister Apologises After Citing Satirical Article In Parliamentary Debate",
        "text": """
        A junior transport minister in the Varland parliament has apologised after quoting a satirical news article
        as evidence during a debate on cycling infrastructure.

        During Thursday's session, Deputy Minister Pieter Holm told members that "a recent report" had found
        cyclists in the capital ran an average of 40 red lights per journey. Opposition members later pointed out
        that the figure came from an article on the spoof news site De Scherpe Krant, headlined "Study: Cyclists Now
        Treat Red Lights As Decorative."

        In a statement on Friday, Holm said he had received the figure in a briefing note and had not checked its
        source. "I regret the error and have asked for the record to be corrected," he said.

        The ministry said it was reviewing how the note was prepared. Official data show no measurement of the kind
        quoted.

        Opposition transport spokesperson Marit Dahl said the incident showed the need for more careful use of
        evidence in debates. "The site does excellent work, but it should not be shaping policy," she said. De
        Scherpe Krant published a short item thanking the minister "for the citation" and offering him a free
        subscription.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Bakery Takes Inspiration From Satirical Headline, Launches All-Crust Loaf",
        "text": """
        A family bakery in the town of Penhallow has turned a satirical headline into a product, and says it
        cannot bake enough of it.

        Last month the spoof news site The Crumb Chronicle published an article headlined "Bakery Responds To
        Customer Demand, Launches Bread Made Entirely Of Crust." Owner Deepa Ramsay said several customers sent
        her the link as a prank. "Then I thought, actually, people do fight over the ends," she said.

        The bakery now sells a narrow, heavily baked loaf with a high ratio of crust to crumb, marketed as the
        "Crust Lover's Loaf." It costs $4.50 and sold out within two hours on each of its first five days.

        Ramsay said the loaf is made with the same dough as her standard sourdough but shaped and baked
        differently. The Crumb Chronicle has asked for a free sample.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Poison Centre Reports Calls After Satirical Battery Article Circulates",
        "text": """
        The Western Regional Poison Information Centre says it received 14 calls over the weekend from people
        who had seen a social media post claiming that health officials recommend licking a 9-volt battery
        daily "to maintain electrolytes."

        The post reproduced a headline from a satirical news website, which invents deadpan health stories.
        The centre said that most callers were checking whether the advice was genuine, but that at least two
        had tried it.

        Licking a 9-volt battery causes a mild electric shock to the tongue and does not supply electrolytes.
        Swallowing button batteries, in particular, is a medical emergency that can cause severe internal
        burns within hours, especially in young children.

        The centre urged the public not to follow health advice from unverified posts and to call its helpline
        if a child may have swallowed a battery.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "State Broadcaster Reran Satirical Story As Fact, Media Watchdog Finds",
        "text": """
        A media regulator in the republic of Ostrava Minor has found that its national broadcaster breached
        accuracy rules when it presented a satirical article from a foreign website as a genuine news report.

        The evening bulletin in March reported that a European city had "introduced a tax on pigeons that
        enter government buildings," citing an article headlined "Capital Begins Taxing Pigeons Per Visit" on
        a well-known spoof news site. The report ran for about 90 seconds and included comments from a studio
        guest.

        The regulator said staff had failed to check the source and that basic verification would have revealed
        the site's nature. The broadcaster has been ordered to air a correction.

        In a statement, the broadcaster said it accepted the findings and had introduced a new checklist for
        stories sourced from the internet.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Zoo Reassures Visitors Its Penguins Are Not On Strike",
        "text": """
        Harbourside Zoo has posted a notice on its website confirming that its penguins are "not on strike and never
        have been," after a satirical article about a walkout spread on social media.

        The article, headlined "Zoo Penguins Down Flippers Over Fish Quality, Demand Union Recognition," appeared
        last week on a website that publishes invented news. It included a photograph of penguins standing in a
        line, which the zoo says was taken from its own gallery without permission.

        Zoo spokesperson Callum Reid said staff had answered dozens of questions from worried visitors.

        Daily feeding demonstrations continue at 11 a.m. and 3 p.m.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Company Shares Briefly Fall After Satirical Story About Chief Executive Circulates",
        "text": """
        Shares in kitchenware maker Alderbrook Industries fell about 3 percent in early trading on Monday before
        recovering, after a satirical article about its chief executive was shared by several investment
        accounts on social media.

        The article, published on a spoof business news site, was headlined "Alderbrook CEO Announces Plan To
        Replace All Saucepans With Single Large Communal Pan." Analysts said some automated trading systems
        that scan headlines may have reacted before the story was identified as fictional.

        Alderbrook issued a short statement confirming that it had no plans to change its product range. The
        shares closed the day slightly higher.

        Market analysts say episodes like this are uncommon but have become more frequent as automated systems
        read news at high speed, and some firms now filter out known satire sites.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "School Writes To Parents After Pupils Share Satirical 'Four-Week Summer' Story",
        "text": """
        Hillcrest Academy has written to parents to confirm that the summer holiday will last six weeks as
        planned, after a satirical article claiming it would be cut to four weeks circulated among pupils.

        The article, headlined "Schools To Replace Summer Holiday With 'Summer Fortnight Plus Revision
        Fortnight,'" was published by a satirical education site and shared in a pupils' group chat. Some
        parents then contacted the school to ask about childcare and travel bookings.

        In the letter, head teacher Amanda Pryce said the school "has no plans to shorten the holiday" and
        encouraged families to check important information on the school website. She added that the episode
        would be used in a media literacy lesson next term.

        The academy's term dates for next year are published online.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Court Dismisses Defamation Claim Against Satirical News Website",
        "text": """
        A court has dismissed a defamation lawsuit brought by a property developer against the satirical
        website The Lamplighter over an article about his plans for a riverside tower.

        The article, headlined "Developer Unveils Plan For Tower So Tall It Requires Its Own Weather Forecast,"
        described invented features including a private cloud and a lift to the moon. The developer argued
        that it damaged his reputation and suggested his project was unsafe.

        In her ruling, the judge said no reasonable reader would have understood the article as a statement of
        fact, noting its exaggerated claims and the site's clear description of itself as satire. She said
        satire and commentary on public figures deserve strong protection.

        The developer's lawyers said they were considering an appeal. The Lamplighter said it was pleased with
        the decision.
        """,
    },
    {
        "kind": "quotes_satire",
        "title": "Satirical Headline Wins Award At Regional Journalism Prizes",
        "text": """
        A satirical website took home a category prize at the Northern Press Awards on Friday, the first time
        the awards have honoured a comic publication.

        The Daily Grumble won the new Commentary and Satire category for a series of articles on local housing,
        including one headlined "Estate Agent Describes Cupboard As 'Cosy Studio With Character.'" Judges said
        the pieces captured real frustrations with rents and housing quality "more sharply than many straight
        reports."

        Editor Marcus Oyelowo said the team was surprised by the win. "We make things up for a living, so it is
        strange to be at a journalism award," he said. "But the things we make up are about real problems."

        Other winners included a regional newspaper's investigation into hospital waiting times, which took
        the top prize.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Is the white powdery stuff on my salami safe to eat?",
        "text": """
        Short answer: yes, almost certainly. Long answer below because I used to panic about this too lol.

        That white coating on traditional dry-cured salami is usually a mould, but a good one. Producers often
        add it on purpose (it's typically a Penicillium strain, same family as the stuff on brie). It protects
        the sausage from bad moulds, helps it dry evenly and adds flavour. Some of the white can also be salt
        that's migrated to the surface.

        Lots of people peel the casing off anyway, which removes most of it. Totally personal preference.

        What you DON'T want: fuzzy green, black or blue patches, anything slimy, or a sour/ammonia smell. If
        you see that, bin it. Also if it's a supermarket sliced pack that was never supposed to have a coating,
        a sudden white fuzz is a different story.

        Enjoy your salami, you've earned it.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Sourdough starter has been in the fridge 3 weeks, is it dead?",
        "text": """
        Don't throw it out! Starters are way tougher than they look. Mine once survived two months in the back
        of the fridge behind a jar of pickles and came back fine.

        That grey liquid on top is called "hooch". It's just alcohol from the yeast getting hungry. Pour it off
        (or stir it in if you like a more sour bread).

        Here's what I do: take about a tablespoon of the old starter, put it in a clean jar, and feed it equal
        weights of flour and water, say 50 g each. Leave it somewhere warm-ish. Do this every 12 hours or so,
        discarding most of it each time. Usually after two or three feeds it's doubling again within a few
        hours and smells yeasty instead of like nail polish remover.

        If you see pink or orange streaks or fuzzy mould, that's the one time to start over. Otherwise, be
        patient and keep feeding. Good luck!
        """,
    },
    {
        "kind": "forum",
        "title": "Re: My cat keeps knocking things off the table. Help??",
        "text": """
        Ha, welcome to cat ownership. Mine did this for about a year. A few things that genuinely helped:

        1. It's often attention-seeking. If the glass hits the floor and you leap up and shout, the cat has
        learned that this button works. Try to react as little as possible (I know, hard when it's your coffee).

        2. More play. Two 10-15 minute sessions a day with a wand toy, ideally before your meals and before bed,
        made a huge difference for us. A bored indoor cat will invent its own entertainment.

        3. Make the table boring. Clear it when you can, and for a few weeks put a strip of double-sided tape
        on the edge. Most cats hate the feel.

        4. Give them somewhere better to be. A cat tree or window perch near the table gave ours a legit high
        spot.

        It won't stop overnight, but it does get better. Good luck and keep the wine glasses away from the edge.
        """,
    },
    {
        "kind": "forum",
        "title": "I Tried Cold Showers For 30 Days. Here's What Actually Happened",
        "text": """
        So, like half the internet, I got curious about cold showers. I'm not a biohacker, I just wanted to see if
        it was all hype. Here's my honest report.

        Week one was miserable. I'd shower normally and finish with 30 seconds of cold, and I yelped every single
        time. My partner started timing me from the other room.

        By week two it got weirdly easier. Not pleasant, but I stopped gasping. I worked up to about two minutes of
        cold at the end.

        Did it change my life? No. I didn't get superpowers, my immune system didn't visibly upgrade, and I didn't
        become a morning person. What I did notice: I felt more awake right afterwards, and there's a small sense of
        achievement that sets up the day.

        A few practical notes: don't go straight from a hot shower into full cold if you're prone to feeling
        lightheaded; breathe out slowly instead of holding your breath; and it's much easier in summer than winter,
        when the tap water here gets properly icy. I also found it easier once I stopped treating it as a challenge
        and just made it part of the routine.

        Would I recommend it? If you're curious and healthy, sure, try it. If you have a heart condition, ask your
        doctor first. And ignore anyone who says it cures everything.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Can I use plain flour instead of bread flour for pizza dough?",
        "text": """
        Yep, you can, and it'll still be good pizza, just a bit different.

        Bread flour has more protein (usually 12-14%) than plain/all-purpose flour (around 10-11%). More protein
        means more gluten, which gives you a chewier, stretchier dough that holds its shape and gets those big
        airy bubbles in the crust. With plain flour the dough is softer and a bit more tender, and it can tear
        more easily when you stretch it.

        Tips if you're using plain flour:
        - Use slightly less water than the recipe says (start about 5% lower) since it absorbs less.
        - Give it a longer rest. An overnight rise in the fridge really helps the gluten develop.
        - Stretch gently with your hands rather than rolling it out thin.

        Honestly, I made pizza with plain flour for years before I knew the difference, and nobody complained.
        Don't let the flour stop you.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Laptop fan sounds like a jet engine all of a sudden",
        "text": """
        Had exactly this last month. Before you panic and buy a new laptop, go through these in order:

        Check what's actually using the CPU. Open Task Manager (Windows) or Activity Monitor (Mac) and sort by
        CPU. Half the time it's a browser tab with a video or a background update going wild. Mine was a
        stuck cloud sync process chewing 90% CPU for no reason. Restarting fixed it.

        Check where it's sitting. Using it on a bed or sofa blocks the vents on the bottom. Put it on a hard
        flat surface.

        Dust. If the laptop is a couple of years old, the vents and fan are probably clogged. With it turned
        off, a few short bursts of compressed air into the vents can help a lot. Don't let the fan spin
        freely while you blow on it.

        If it's still loud after all that, or it's getting hot enough to shut down, it might be worth a
        repair shop cleaning it properly and replacing the thermal paste.
        """,
    },
    {
        "kind": "forum",
        "title": "Our First Year Keeping Backyard Chickens: The Mistakes We Made",
        "text": """
        A year ago we brought home four hens and a lot of optimism. They're thriving now, but we made plenty of
        rookie errors along the way, so here they are in case it helps someone.

        We underestimated predators. Chicken wire keeps chickens in; it does not keep foxes out. We lost a hen
        in week three before we swapped to welded mesh and buried it 30 cm down around the run.

        We overfed treats. Kitchen scraps felt generous, but the girls stopped laying until we went back to
        proper layer feed with treats as a small extra.

        We didn't plan for winter. Egg production drops a lot as days shorten, which is normal. We also needed
        a way to stop the water freezing.

        And we didn't realise how much they'd feel like pets. Our youngest reads to them. Honestly, best
        decision we've made, mistakes and all.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Is it actually dangerous to wake a sleepwalker?",
        "text": """
        Night-shift nurse here. This one comes up a lot.

        The old idea that waking a sleepwalker can give them a heart attack or cause brain damage isn't true.
        What can happen is they're very confused or startled, and occasionally someone lashes out or falls
        because they're disoriented. So it's not "dangerous" in the dramatic sense, but it's not ideal either.

        What's usually recommended: gently guide them back to bed with calm words, without grabbing them. If
        you do need to wake them (for example they're heading for stairs or a door), do it from a distance, say
        their name and keep your voice steady.

        Much more important is making the space safe: locks or alarms on outside doors, gates on stairs,
        nothing sharp lying around.

        If it happens often, or someone gets hurt, talk to a GP. Sleepwalking in adults can be linked to stress,
        lack of sleep, some medications and other sleep disorders.
        """,
    },
    {
        "kind": "forum",
        "title": "Re: Why are my tomatoes splitting on the vine?",
        "text": """
        Sorry, this is super common and so annoying when they're nearly ripe!

        Splitting nearly always comes down to uneven watering. When the plant gets dry for a few days and then
        gets a big drink (or a heavy rainstorm), the fruit swells faster than the skin can stretch and it
        cracks. Hot weather makes it worse.

        What helps:
        - Water deeply and regularly, ideally at the same time each day, rather than a flood every few days.
        - Mulch around the base with straw or compost to keep the soil moisture more even.
        - Pick fruit as soon as it's starting to colour if heavy rain is forecast. It'll finish ripening
        indoors.
        - Some varieties (especially big beefsteaks and some cherries) are just more prone to it.

        Split tomatoes are fine to eat if you use them quickly. Cut away any bits that look mouldy. Mine go
        straight into sauce.
        """,
    },
    {
        "kind": "forum",
        "title": "How I Finally Organised My Garage (With Only Two Minor Meltdowns)",
        "text": """
        For six years our garage has been where things go to be forgotten. Last month I finally tackled it, and
        since a few people asked, here's the process that worked for me.

        Step one: empty it. All of it. Onto the driveway. This is where meltdown number one happened, roughly
        when I found three identical broken lawn chairs.

        Step two: four piles, keep, donate, recycle, bin. Be ruthless. If you didn't know you owned it, you
        probably don't need it.

        Step three: get things off the floor. Wall-mounted shelving and a pegboard for tools made the biggest
        difference. Bikes went on ceiling hooks.

        Step four: label everything. Clear boxes with labels on two sides. Meltdown number two was about label
        maker tape and we will not discuss it.

        It took three weekends. The car now fits, which my partner describes as "a miracle." Totally worth it.
        """,
    },
    {
        "kind": "promo",
        "title": "BrightNest Launches The CloudRest Pillow: 'The Best Night's Sleep Of Your Life'",
        "text": """
        FOR IMMEDIATE RELEASE

        BrightNest Home today announced the launch of the CloudRest Pillow, which the company calls the most
        comfortable pillow it has ever made and "the best night's sleep of your life."

        The CloudRest combines a memory foam core with an adjustable fill of shredded latex, allowing sleepers
        to add or remove filling to suit side, back or front sleeping. Its cover is made from a breathable
        bamboo-derived fabric and can be removed and machine washed.

        "We tested more than 40 prototypes with over 300 sleepers," said BrightNest founder Laura Chen. "We
        honestly believe this pillow will change the way people feel in the morning."

        The CloudRest Pillow is available from today on the BrightNest website and in selected stores, priced at
        $89. It comes with a 100-night trial and a five-year warranty.

        Media contact: press@brightnest.example
        """,
    },
    {
        "kind": "promo",
        "title": "Ridgeline Trek GTX Boots: The Last Hiking Boots You'll Ever Need",
        "text": """
        Built for the long haul. The Ridgeline Trek GTX is the boot our designers wanted for themselves: light
        enough for a summer day hike, tough enough for a week in the mountains, and comfortable from the very
        first step.

        A waterproof, breathable membrane keeps your feet dry in rain and river crossings without making them
        sweat. The grippy rubber outsole, with 5 mm lugs, bites into mud, rock and loose gravel. A cushioned
        midsole absorbs impact on steep descents, and a reinforced toe cap protects against stubs and rocks.

        Full-grain leather uppers are treated to resist scuffs and can be resoled by our repair service, so a
        pair can last for many seasons.

        Available in men's and women's fits, sizes 4 to 13, in Stone and Forest. Weight: 620 g per boot (size
        8). Free delivery and free returns within 60 days on unworn boots.
        """,
    },
    {
        "kind": "promo",
        "title": "Harbourfest Returns With 'The Biggest And Best Summer Festival Our City Has Ever Seen'",
        "text": """
        PRESS RELEASE — City of Wrenport

        The City of Wrenport is delighted to announce that Harbourfest will return from 12 to 14 July, with a
        programme the organisers describe as the biggest and best in the festival's 25-year history.

        This year's festival will feature more than 80 performances on four stages along the waterfront, a
        night market with 120 local food and craft stalls, a family zone with free activities, and a fireworks
        display over the harbour on the closing night.

        "Harbourfest is the highlight of our city's year, and this time we have truly outdone ourselves," said
        Mayor Joan Kettering. "There really is something for everyone."

        Entry to the festival site is free. Additional buses will run from the city centre throughout the
        weekend, and the waterfront road will be closed to traffic. Full details and the stage schedule are
        available on the city's website.
        """,
    },
    {
        "kind": "promo",
        "title": "Opinion: Cycle Lanes Are The Best Thing To Happen To This City In A Generation",
        "text": """
        I'll say it plainly: the new protected cycle lanes on Market Street are the best thing to happen to our city
        in my lifetime, and I have lived here for 52 years.

        When the plans were announced, the letters pages filled up with predictions of gridlock and ruined
        businesses. A year on, traffic on Market Street moves at about the same speed as before, according to the
        council's own counts, and footfall in the shops has risen. I now see children cycling to school on a road I
        once wouldn't have let my dog cross.

        I used to drive the three kilometres to work. Now I ride, and I arrive in a better mood than I have in
        years. My neighbour, a retired mechanic who swore he would never touch a bike again, joined me last month.

        Yes, there were problems. Some delivery drivers struggled with the new loading bays at first, and the
        junction by the station had to be redesigned after a few months. But the council listened and fixed them,
        which is more than I can say for most schemes I've seen.

        We should extend the network to every main road, and do it quickly. Our city will never look back.
        """,
    },
    {
        "kind": "promo",
        "title": "Morning Ember Coffee: Wake Up Your Soul",
        "text": """
        This isn't just coffee. Morning Ember is a dark roast blend crafted to turn the grimmest Monday into
        something worth getting up for.

        Our beans come directly from two smallholder cooperatives in Colombia and Ethiopia and are roasted in small
        batches every week.

        Expect a rich, full body with notes of dark chocolate, toasted hazelnut and a hint of cherry, and a low
        acidity that makes it smooth enough to drink black.

        Available as whole beans or ground for filter, cafetière or espresso. 250 g bag: $14. Subscribe and save 10
        percent, with free delivery and the option to pause or cancel at any time.
        """,
    },
    {
        "kind": "promo",
        "title": "University Researchers Unveil Battery Breakthrough That 'Could Transform Electric Transport'",
        "text": """
        NEWS RELEASE — Faculty of Engineering, Corrigan University

        Engineers at Corrigan University have developed a new electrode material that could allow electric
        vehicle batteries to charge to 80 percent in under ten minutes, in what the team calls a potentially
        transformative advance for electric transport.

        In laboratory tests, small prototype cells using the material retained 90 percent of their capacity
        after 2,000 fast-charging cycles. The results are published this week in a peer-reviewed materials
        journal.

        "This is the most exciting result our group has produced in a decade," said project lead Professor
        Daniel Ashworth. "If it scales, it could change how people think about electric cars."

        The team cautions that the cells tested are far smaller than those in vehicles, and that further work
        is needed on cost and manufacturing. The university has filed a patent and is seeking industry
        partners to develop larger prototypes.
        """,
    },
    {
        "kind": "promo",
        "title": "Smoke & Barrel Opens On Quay Street, Promising 'The Best Burger You Will Ever Eat'",
        "text": """
        Smoke & Barrel, a new burger restaurant from chef Tomasz Nowak, opens its doors on Quay Street this
        Friday, and its owners are not being modest about it.

        "We genuinely think this is the best burger you will ever eat," said Nowak, who spent two years
        developing the menu. "We grind our beef in-house every morning from local, grass-fed cattle, and our
        buns are baked fresh by the bakery next door."

        The menu features six burgers, including a smoked brisket burger and a mushroom and halloumi option,
        alongside hand-cut fries and house-made pickles. There is a children's menu and a small selection of
        local craft beers.

        The restaurant seats 60 and is open from noon to 10 p.m., Tuesday to Sunday. To celebrate the opening,
        the first 100 customers on Friday will receive a free side of fries.
        """,
    },
    {
        "kind": "promo",
        "title": "Opinion: The Public Library Is The Most Important Building In Any Town",
        "text": """
        If I could save only one building in my town, it would not be the town hall, the hospital or the
        football ground. It would be the library.

        Where else can anyone, of any age or income, walk in out of the rain, sit somewhere warm and quiet,
        and have free access to books, newspapers, the internet and help from a trained professional? Our
        library runs toddler rhyme sessions, homework clubs, job-application workshops and a knitting group
        that has outlived three mayors.

        When I lost my job a few years ago, it was the library that helped me rewrite my CV and print it for
        free. I know I am not the only one.

        Every budget cut to libraries is sold as a small saving. It is nothing of the kind. It is a tax on
        curiosity and opportunity, and we should fight every one of them.
        """,
    },
    {
        "kind": "promo",
        "title": "Vacubot S7: Come Home To A Clean House, Every Day",
        "text": """
        Meet the Vacubot S7, the robot vacuum that takes care of your floors so you don't have to.

        Using laser navigation, the S7 maps your home on its first run and plans efficient cleaning routes
        room by room. It moves smoothly from hard floors to rugs, automatically boosting suction on carpets,
        and its sensors help it avoid stairs, cables and pet bowls.

        Schedule cleaning from the app to run while you're at work or asleep, set no-go zones, or send it to
        clean just the kitchen after dinner. The self-emptying base holds up to 60 days of dust, so you rarely
        need to touch a bag.

        Battery life: up to 150 minutes per charge. When the battery runs low, the S7 returns to its base,
        recharges and resumes where it left off.

        Note: the S7 cannot climb stairs, and cables and small objects should be cleared before cleaning.
        Two-year warranty.
        """,
    },
    {
        "kind": "promo",
        "title": "Opinion: A Four-Day Working Week Would Be The Best Reform Of Our Lifetimes",
        "text": """
        Few policies could do as much good, for as many people, at such little cost, as a four-day working week.

        The evidence is building. Companies that have trialled a shorter week without cutting pay report that
        most staff produce about as much as before, take fewer sick days and are less likely to quit. Workers
        describe more time with their children, more sleep and, for once, weekends that feel long enough to
        recover in.

        It will not suit every job, and some sectors, such as hospitals and transport, will need careful
        planning and more staff. That is a reason to design it well, not to dismiss it.

        A century ago, the two-day weekend was considered a radical idea. Today we would not dream of giving it
        up. I am convinced the four-day week will look the same to our grandchildren: obvious, overdue, and
        one of the best decisions we ever made.
        """,
    },
]


def _clean(text: str) -> str:
    """Collapse the indented triple-quoted source into paragraphs separated by one blank line.

    Wrapped lines are joined; a line starting with "- " (a list item in a forum post) keeps its own line.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = " ".join(raw.split())
            if not line:
                continue
            if lines and not line.startswith("- "):
                lines[-1] += " " + line
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def word_count(text: str) -> int:
    return len(text.split())


def build_rows() -> list[dict[str, str]]:
    """Label, clean, split and id every entry; rows come back sorted by id."""
    entries = [("satire", e) for e in SATIRE] + [("not_satire", e) for e in NOT_SATIRE]
    # train/test alternate within each label in definition order, which is grouped by kind
    seen: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    for label, entry in entries:
        split = SPLITS[seen[label] % 2]
        seen[label] += 1
        rows.append(
            {
                "id": "",
                "title": " ".join(entry["title"].split()),
                "text": _clean(entry["text"]),
                "label": label,
                "kind": entry["kind"],
                "split": split,
            }
        )
    # ids ("s" = sample) follow a fixed-seed shuffle so their order says nothing about the label
    order = list(range(len(rows)))
    random.Random(SHUFFLE_SEED).shuffle(order)
    for number, index in enumerate(order, start=1):
        rows[index]["id"] = f"s{number:03d}"
    return sorted(rows, key=lambda row: row["id"])


def check(rows: list[dict[str, str]]) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for the corpus rules in the module docstring."""
    errors: list[str] = []
    warnings: list[str] = []
    for field in ("id", "title"):
        counts = Counter(row[field].casefold() for row in rows)
        errors += [f"duplicate {field}: {value!r}" for value, n in counts.items() if n > 1]
    for row in rows:
        rid = row["id"]
        if row["label"] not in LABELS:
            errors.append(f"{rid}: bad label {row['label']!r}")
        if row["split"] not in SPLITS:
            errors.append(f"{rid}: bad split {row['split']!r}")
        if not row["kind"] or not row["title"] or not row["text"]:
            errors.append(f"{rid}: empty kind, title or text")
        n = word_count(row["text"])
        if not MIN_WORDS - WORD_SLACK <= n <= MAX_WORDS + WORD_SLACK:
            errors.append(f"{rid}: {n} words, outside {MIN_WORDS}-{MAX_WORDS} (+/-{WORD_SLACK})")
        elif not MIN_WORDS <= n <= MAX_WORDS:
            warnings.append(f"{rid}: {n} words, within tolerance only")
        if row["label"] == "satire":
            hit = FORBIDDEN.search(row["title"] + "\n" + row["text"])
            if hit:
                errors.append(f"{rid}: satire row contains give-away word {hit.group(0)!r}")
    per_split = Counter((row["split"], row["label"]) for row in rows)
    for split in SPLITS:
        for label in LABELS:
            if per_split[split, label] < MIN_PER_SPLIT_LABEL:
                errors.append(f"split {split}: only {per_split[split, label]} {label} rows")
    return errors, warnings


def main() -> int:
    rows = build_rows()
    errors, warnings = check(rows)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if errors:
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        return 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")
    splits = Counter((row["label"], row["split"]) for row in rows)
    for label in LABELS:
        counts = [word_count(row["text"]) for row in rows if row["label"] == label]
        train, test = splits[label, "train"], splits[label, "test"]
        mean = sum(counts) / len(counts)
        print(
            f"{label:<11} {len(counts):>3} rows  train {train:>3}  test {test:>3}"
            f"  words mean {mean:.1f} min {min(counts)} max {max(counts)}"
        )
    kinds = Counter((row["label"], row["kind"]) for row in rows)
    kind_splits = Counter((row["kind"], row["split"]) for row in rows)
    for (label, kind), n in sorted(kinds.items()):
        train, test = kind_splits[kind, "train"], kind_splits[kind, "test"]
        print(f"  {label:<11} {kind:<16} {n:>3}  train {train:>3}  test {test:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
