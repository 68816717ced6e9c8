"""PostgreSQL asks the GIN index for a long term's common grams, its rarest bigram and those at most a few
times as common (`lexemes.worth_reading`): a bigram in most rows rules out next to nothing and costs its
whole posting list. The shares are those the statistics keep; a bigram they do not list is rarer than all they list.
The estimate of how many rows hold a query (`lexemes.estimated_share`) takes each term's rarest lexeme."""

from __future__ import annotations

import pytest

from gongkai.search import lexemes, text


def bigrams(query: str) -> tuple[str, list[str]]:
    term = text.split_terms(query)[0]
    return term, text.term_lexemes(term)


def test_bigrams_in_every_row_are_left_to_the_text_check() -> None:
    term, _ = bigrams("平台设政")
    shares = {"平台": 1.0, "台设": 0.3, "设政": 0.02114}
    assert lexemes.worth_reading(term, lexemes.Statistics(shares, 0.0024)) == ["设政"]


@pytest.mark.parametrize("query", ["设政府信", "流转管理", "管理办法"])
def test_a_four_character_term_holding_a_common_bigram_reads_its_common_gram_alone(query: str) -> None:
    # Wherever the common bigram stands in it, the term's one window is a common gram: as rare as the
    # term, and it decides it, so no bigram is read beside it, however rare.
    term, all_bigrams = bigrams(query)
    shares = dict.fromkeys(all_bigrams, 0.0001) | {"政府": 1.0, "府信": 0.99999, "管理": 0.118}
    assert lexemes.worth_reading(term, lexemes.Statistics(shares, 0.0024)) == [query]


def test_a_bigram_a_few_times_as_common_as_the_rarest_is_still_read() -> None:
    term, _ = bigrams("流转审批")
    shares = {"流转": 0.0217, "转审": 0.0096, "审批": 0.118}
    assert set(lexemes.worth_reading(term, lexemes.Statistics(shares, 0.0024))) == {"流转", "转审"}

    term, _ = bigrams("队伍培训")
    shares = {"伍培": 0.0057, "队伍": 0.0168, "培训": 0.41}
    assert set(lexemes.worth_reading(term, lexemes.Statistics(shares, 0.0024))) == {"伍培", "队伍"}


def test_a_document_number_reads_its_rare_figures_not_the_century_of_its_year() -> None:
    term, all_bigrams = bigrams("甬人社发〔2022〕16号")
    century = {b for b in all_bigrams if b in ("〔２", "２０")}
    assert len(century) == 2
    shares = {b: (0.7 if b in century else 0.25 if b.startswith("〕") else 0.035) for b in all_bigrams}
    kept = lexemes.worth_reading(term, lexemes.Statistics(shares, 0.0024))
    assert not century & set(kept)
    assert {"１６", "２〕"} <= set(kept)
    assert set(kept) <= set(all_bigrams)


def test_bigrams_the_statistics_do_not_list_are_all_read() -> None:
    term, all_bigrams = bigrams("慈溪市石浦镇")
    assert lexemes.worth_reading(term, lexemes.Statistics({}, 0.01)) == all_bigrams
    assert lexemes.worth_reading(term, lexemes.Statistics({"溪市": 0.3}, 0.01)) == [
        b for b in all_bigrams if b != "溪市"
    ]


def test_the_share_of_a_query_is_its_terms_rarest_lexemes_taken_together() -> None:
    known = lexemes.Statistics(
        {"公开": 0.9, "开工": 0.8, "工作": 0.95, "公开工作": 0.85, "政": 0.5}, 0.01, 100_000
    )
    assert lexemes.estimated_share(text.split_terms("公开工作"), known) == pytest.approx(0.8)
    assert lexemes.estimated_share(text.split_terms("公开工作 政"), known) == pytest.approx(0.4)
    assert lexemes.estimated_share(text.split_terms("公开工作 渔业"), known) == 0.0
    assert lexemes.estimated_share([], known) == 0.0


def test_only_a_query_in_most_rows_is_counted_in_the_table_order_and_sooner_in_a_larger_table() -> None:
    shares = {"公开": 0.99, "开工": 0.99, "工作": 0.99, "公开工作": 0.99, "件": 0.4, "政": 0.97, "渔业": 0.2}
    small, large = lexemes.Statistics(shares, 0.01, 100_000), lexemes.Statistics(shares, 0.01, 1_000_000)

    def sooner(query: str, known: lexemes.Statistics) -> bool:
        return lexemes.sooner_in_table_order(text.split_terms(query), known, 10_001)

    assert sooner("公开工作", small)  # a term in nearly every row: the index's list is longer than the walk
    assert not sooner("件", small)  # the index decides a short term without reading its text
    assert not sooner("渔业", large)
    assert sooner("件", large)  # the index's list of 400,000 rows costs more than reading 25,000 in order
    assert not sooner("不存在的词", large)  # not listed: rare
    assert not sooner("公开工作", lexemes.Statistics())  # no statistics yet
