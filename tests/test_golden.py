"""The yardstick: sample pages and the shared gold pages, scored as the labeling policy says."""

from __future__ import annotations

from pathlib import Path

import pytest

from hindiclean import clean
from hindiclean.evaluate import evaluate, score_page
from hindiclean.pipeline import DEFAULT

from .conftest import sample_pages

PAGES = sample_pages()


def test_there_are_enough_sample_pages() -> None:
    assert len([p for p in PAGES if p.name.startswith("seed_")]) == 5
    assert len([p for p in PAGES if not p.name.startswith("seed_")]) >= 15


@pytest.mark.parametrize("raw_path", PAGES, ids=[p.stem for p in PAGES])
def test_sample_page_keeps_all_body_and_drops_most_chrome(raw_path) -> None:
    raw = raw_path.read_text(encoding="utf-8")
    expected = raw_path.with_name(raw_path.stem + ".expected.txt").read_text(encoding="utf-8")
    score = score_page(raw_path.stem, raw, expected, DEFAULT.run)
    assert score.lost == [], f"body lost: {score.lost}"
    assert score.idempotent
    assert score.removal >= 0.5, f"chrome left: {score.surviving}"


def test_seed_pages_come_out_exactly_as_expected() -> None:
    for raw_path in (p for p in PAGES if p.name.startswith("seed_")):
        expected = raw_path.with_name(raw_path.stem + ".expected.txt").read_text(encoding="utf-8")
        assert clean(raw_path.read_text(encoding="utf-8")).split() == expected.split(), raw_path.name


def test_sample_pages_overall() -> None:
    import json
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "samples.jsonl"
        with gold.open("w", encoding="utf-8") as fh:
            for p in PAGES:
                exp = p.with_name(p.stem + ".expected.txt").read_text(encoding="utf-8")
                rec = {"id": p.stem, "raw": p.read_text(encoding="utf-8"), "expected": exp}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        report = evaluate([gold])
    assert report.recall == 1.0
    assert report.removal >= 0.93
    assert report.idempotence == 1.0


def test_shared_gold_meets_the_targets(gold_files) -> None:
    report = evaluate(gold_files)
    assert len(report.pages) >= 50
    assert report.body_loss_pages == []
    assert report.recall == 1.0
    assert report.removal >= 0.97
    assert report.idempotence == 1.0


# The blind sets of eval/ (eval/README.md): (file, pages allowed to lose body, least recall,
# least removal). heldout2's one page joins two segments with only two spaces, which the cleaner
# does not split (real dumps join with three or more): one subheading goes with the "Also Read"
# link in front of it. heldout4 is built around body that looks like chrome (live blogs,
# roundups, bulleted ad labels, quotes with prompts, tables with "—" cells).
HELDOUT_SETS = [
    ("heldout.jsonl", [], 1.0, 0.85),
    ("heldout2.jsonl", ["h2_04_navy_oneline"], 0.999, 0.83),
    ("heldout3.jsonl", [], 1.0, 0.89),
    ("heldout4.jsonl", [], 1.0, 0.95),
    # Sets 5 and 6 (35 pages each, 70 new portal styles, a third with real extraction damage):
    # the pages still losing body are listed in eval/README.md with what they need.
    ("heldout5.jsonl", ["h5_33_linkbroken_elephant_corridor"], 0.997, 0.82),
    ("heldout6.jsonl", ["h6_22_indore_narmada_supply_factcheck", "h6_24_janakpur_rail_linksplit"],
     0.998, 0.80),
    # Sets 7 and 8 (session 4, 70 more styles): first scores in eval/README.md.
    ("heldout7.jsonl", [], 1.0, 0.85),
    ("heldout8.jsonl", [], 1.0, 0.79),
    # Sets 9 and 10 (later in session 4): first scores in eval/README.md. The pages losing body
    # have chrome glued to body inside a Devanagari word with no word of the page after it
    # (`गिरफ्तारजांच`: the link is kept with its glued paragraph, one word short), or an ad label
    # and another story's headline glued inside words at both ends (`विज्ञापनखरगोन ... कतारेंसिरपुर`).
    ("heldout9.jsonl", ["h9_19_mewat_cyber_glued"], 0.999, 0.74),
    ("heldout10.jsonl", ["h10_27_nimar_onion_glued_ads"], 0.999, 0.77),
    # Sets 11 and 12 (session 5): first scores in eval/README.md. The pages losing body there
    # are listed in eval/README.md with what they need.
    ("heldout11.jsonl", ["h11_02_mustard_procurement_oneline", "h11_03_khokho_cut_after_heading",
                         "h11_06_property_tax_linkbroken", "h11_25_cheque_bounce_oneline_bio",
                         "h11_26_farm_weather_advisory_cut", "h11_28_ticket_refund_factcheck_post",
                         "h11_29_dengue_doctor_qa_cut", "h11_34_milk_price_hike_glued"],
     0.996, 0.75),
    ("heldout12.jsonl", ["h12_32_shaalasamachar_printview"], 0.999, 0.74),
    ("heldout13.jsonl", ["h13_01_meerut_house_tax_portal", "h13_16_sc_bail_glued_readalso",
                         "h13_18_health_three_story_dump", "h13_19_ward_vaccination_schedule_list",
                         "h13_25_water_supply_glued_inside_words", "h13_28_lucknow_aqi_glued_live"],
     0.995, 0.73),
    ("heldout14.jsonl", ["h14_13_exoplanet_english_post_jsresidue",
                         "h14_16_kailash_yatra_schedule_list", "h14_19_cyber_fraud_glued_inword",
                         "h14_25_pressure_cooker_recall", "h14_32_smart_meter_myths_facts"],
     0.993, 0.73),
    # Sets 15 and 16 (session 6): first scores in eval/README.md.
    ("heldout15.jsonl", ["h15_16_orchha_homestay_glued_head", "h15_23_ranchi_sickle_cell_table"],
     0.998, 0.68),
    ("heldout16.jsonl", ["h16_03_nilgiri_kavita", "h16_12_godavari_mangrove",
                         "h16_28_madhubani_colours_list", "h16_30_kohima_terrace_glued"],
     0.991, 0.75),
]


@pytest.mark.parametrize(("name", "loss_pages", "recall", "removal"), HELDOUT_SETS)
def test_heldout_sets(name: str, loss_pages: list[str], recall: float, removal: float) -> None:
    report = evaluate([Path(__file__).resolve().parent.parent / "eval" / name])
    assert len(report.pages) >= 20
    assert report.body_loss_pages == loss_pages
    assert report.recall >= recall
    assert report.removal >= removal
    assert report.idempotence == 1.0
