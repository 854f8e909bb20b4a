"""A news bulletin of one-line headlines: each line is its own news of the day."""

import datetime as dt

from rasd import extract
from rasd.extraction.bulletin import headline_lines

BULLETIN = """نشرة الأخبار
قصف مدفعي يستهدف بلدة كفرنبل في ريف إدلب الجنوبي
غارات جوية على مواقع في دير الزور تسفر عن مقتل 5 مسلحين
انفجار عبوة ناسفة في مدينة الباب شرقي حلب
قوات الجيش تصد هجوما لمسلحين على حاجز قرب مدينة درعا"""

ARTICLE = """قصف مدفعي يستهدف بلدة كفرنبل في ريف إدلب الجنوبي.
وقالت مصادر محلية إن القصف أسفر عن مقتل شخصين.
وفي دير الزور، شنت طائرات غارات على مواقع للمسلحين.
وأفادت مصادر بانفجار عبوة ناسفة في مدينة الباب شرقي حلب."""


def test_a_list_of_headlines_is_a_bulletin_and_an_article_is_not() -> None:
    assert headline_lines(BULLETIN) is not None
    assert headline_lines(ARTICLE) is None


def test_each_headline_is_its_own_event_of_the_day_or_the_day_before() -> None:
    events = extract(BULLETIN, published="2024-03-10")
    assert sorted(e.location.name for e in events if e.location) == [
        "Al Bāb",
        "Dar‘ā",
        "Deir ez-Zor",
        "Kafranbel",
    ]
    for e in events:
        assert (
            e.when is not None and e.when.start == dt.date(2024, 3, 9) and e.when.end == dt.date(2024, 3, 10)
        )
        assert e.when.time_precision == 2 and "bulletin" in (e.when.reason or "")
