"""The text rules: every rule id with its default severity and the policy paragraph it enforces,
registered in the rule catalogue at import, and :func:`run_checks`, which runs them in order.

Severities: ``block`` stops export, ``warn`` asks for a fix or a reason, ``info`` is a suggestion.
The organisation's policy can change any of them or switch a rule off (``[rules."text.irony"]
enabled = false``), except that threats can never be lowered below block.
"""

from __future__ import annotations

from prepub.core.model import Severity
from prepub.core.rules import RuleSpec, register
from prepub.core.text import channels, credits, dates, irony, learned, plain, policywords, threats, tone
from prepub.core.text.context import Context
from prepub.core.text.readability import Readability

B, W, I = Severity.BLOCK, Severity.WARN, Severity.INFO
_KLARSPRAK = "Sundsvall 5.2 Ton och språk: klarspråk, undvik fackspråk, svåra ord och förkortningar"
_TAKT = "XX Takt og tone: ingen nedsættende bemærkninger, grov slang, racisme og sexisme"
_WEB = "Sundsvall 5.3: följ regelverket för publicering på webben (tillgänglighet)"
_NETWORK = "Kanalens egna gränser (nätverkets regler)"

RULES = (
    # readability and plain language
    RuleSpec("text.lix", W, "Sundsvall 5.2 Ton och språk: enkel ton, alla ska kunna förstå (LIX)", overridable=True),
    RuleSpec("text.sentence_long", W, "Myndigheternas skrivregler 1.3: en tanke per mening"),
    RuleSpec("text.word_long", I, "Myndigheternas skrivregler 1.3: långa sammansättningar"),
    RuleSpec("text.abbreviation", W, "Sundsvall 5.2 Ton och språk: klarspråk, undvik förkortningar"),
    RuleSpec("text.stiff_word", I, _KLARSPRAK),
    RuleSpec("text.acronym_undefined", W, _KLARSPRAK),
    RuleSpec("text.shouting", I, "Sundsvall 5.2 Ton och språk: en enkel, ledig och god ton"),
    RuleSpec("text.date_weekday", W, "Myndigheternas skrivregler 2.3: korrekta fakta i sociala medier"),
    # tone and abuse
    RuleSpec("text.profanity", W, "XX Takt og tone: grov slang og latrinære udtryk"),
    RuleSpec("text.slur", B, _TAKT + "; VIF 2: aldrig hat och hot"),
    RuleSpec("text.insult", W, "XX Takt og tone: ingen nedsættende bemærkninger"),
    RuleSpec("text.personal_attack", B, "S Stockholm: medverka inte i personangrepp; XX Takt og tone"),
    RuleSpec("text.threat", B, "VIF 2–3: tillåter aldrig hat och hot", overridable=True, can_disable=False),
    RuleSpec("text.irony", I, "S Stockholm: undvik ironi och sarkasm"),
    RuleSpec("text.rumour", W, "S Stockholm: medverka inte i ryktesspridning, var noga med källkritik"),
    # policy words and security
    RuleSpec("text.confidential", B, "VIF 5: samarbeten belagda med sekretess"),
    RuleSpec("text.internal_marker", B, "S Stockholm: sprid inte information som är uttalat intern; XX Fortrolighed"),
    RuleSpec("text.competitor_negative", W, "XX Ingen bagtale: vi bagtaler ikke vores konkurrenter"),
    RuleSpec("text.person_first_name", W, "VIF 2 och 4: personer kopplade till organisationen – namn skrivs ut"),
    RuleSpec("text.trip_ongoing", B, "VIF 3: aldrig från pågående resor", overridable=True),
    # credits and sources
    RuleSpec("text.credit_missing", W, "VIF 2 och 4: fotografen ska vara namngiven; S Stockholm: länka till fotografen"),
    RuleSpec("text.source_missing", I, "XX Copyright: husk referencer til kilder; S Stockholm: var noga med källkritik"),
    RuleSpec("text.dialogue_missing", I, "Sundsvall 5.1 Dialog: vi bjuder alltid in till dialog"),
    # channels
    RuleSpec("text.channel_length", B, _NETWORK + ": teckengräns", overridable=True),
    RuleSpec("text.hashtags_max", W, _NETWORK + ": antal hashtaggar"),
    RuleSpec("text.hashtags_many", I, "Kanalens rekommenderade antal hashtaggar"),
    RuleSpec("text.hashtag_camelcase", I, _WEB + ": hashtaggar i CamelCase för skärmläsare"),
    RuleSpec("text.links_max", W, _NETWORK + ": länkar"),
    RuleSpec("text.link_text", W, _WEB + ": länktext som säger vart länken går"),
    RuleSpec("text.emoji_density", I, _WEB + ": skärmläsare läser varje emoji"),
    RuleSpec("text.emoji_bullet", I, _WEB + ": emoji som punkter läses upp"),
    RuleSpec("text.emoji_run", I, _WEB + ": rader av emoji läses upp en och en"),
    RuleSpec("text.after_fold", I, "Sundsvall 5: anpassa budskapet efter målgruppen – det viktigaste först"),
    # the word lists themselves
    RuleSpec("text.wordlist_unreadable", W, "Organisationens ordlistor ([text.lists] i policyn)"),
)
register(*RULES)

RULE_IDS = tuple(r.rule for r in RULES)


def run_checks(ctx: Context, r: Readability) -> None:
    """Run every text check on ``ctx``; findings collect in ``ctx.findings``."""
    for path, problem in ctx.lists.problems:
        ctx.emit("text.wordlist_unreadable", (0, 0), params={"path": path, "problem": problem})
    plain.check_readability(ctx, r)
    plain.check_abbreviations(ctx)
    plain.check_stiff_words(ctx)
    plain.check_acronyms(ctx)
    plain.check_shouting(ctx)
    dates.check_weekdays(ctx)
    tone.check_abuse(ctx)
    threats.check_threats(ctx)
    irony.check_irony(ctx)
    irony.check_rumour(ctx)
    policywords.check_confidential(ctx)
    policywords.check_internal(ctx)
    policywords.check_competitors(ctx)  # after the abuse checks: it reuses their findings
    learned.check_tone_model(ctx)  # a learned second opinion: warns (never blocks) where the rules found nothing
    policywords.check_people(ctx)
    policywords.check_trip(ctx)
    credits.check_credits(ctx)
    credits.check_sources(ctx)
    credits.check_dialogue(ctx)
    channels.check_hashtag_case(ctx)
    channels.check_emoji(ctx)
    channels.check_link_text(ctx)
