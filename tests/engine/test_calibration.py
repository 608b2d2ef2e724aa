"""Temperature scaling, the "not a digit" threshold, ECE, and the calibration inside model files."""
import json
import zipfile

import numpy as np
import pytest

from engine.calibration import (NOT_A_DIGIT, Calibration, expected_calibration_error, fit_calibration,
                                fit_temperature, report, softmax)
from engine.model_files import CALIBRATION_MEMBER, read_calibration, save_model


def _sample(n, temperature, seed=0):
    """Logits whose labels are drawn from softmax(logits / temperature): that T is the honest one."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 4, (n, 10))
    p = softmax(logits, temperature)
    labels = np.array([rng.choice(10, p=row) for row in p])
    return logits, labels


@pytest.mark.parametrize("true_t", [0.5, 1.0, 2.5])
def test_the_fitted_temperature_is_the_one_the_labels_came_from(true_t):
    logits, labels = _sample(6000, true_t)
    assert fit_temperature(logits, labels) == pytest.approx(true_t, rel=0.08)


def test_scaling_never_changes_the_answer_and_makes_confidence_honest():
    logits, labels = _sample(6000, 2.0, seed=1)   # the raw softmax (T = 1) is over-confident
    t = fit_temperature(logits, labels)
    raw, honest = softmax(logits), softmax(logits, t)
    assert np.array_equal(raw.argmax(1), honest.argmax(1))
    assert expected_calibration_error(honest, labels) < 0.03 < expected_calibration_error(raw, labels)


def test_ece_of_a_perfectly_honest_and_of_a_lying_model():
    labels = np.zeros(1000, int)
    honest = np.full((1000, 10), 0.0)
    honest[:, 0] = 1.0
    assert expected_calibration_error(honest, labels) == pytest.approx(0.0)
    lying = np.full((1000, 10), 0.01 / 9)
    lying[:, 0], lying[:500, 0], lying[:500, 1] = 0.99, 0.01 / 9, 0.99   # 99 % sure, right half the time
    assert expected_calibration_error(lying, labels) == pytest.approx(0.49, abs=1e-6)


def test_the_threshold_refuses_the_asked_share_of_real_digits_and_only_with_non_digits():
    logits, labels = _sample(4000, 1.0, seed=2)
    with_refusal = fit_calibration(logits, labels, refuse=True, refuse_rate=0.01)
    top = softmax(logits, with_refusal.temperature).max(1)
    assert np.mean(top < with_refusal.refuse_below) == pytest.approx(0.01, abs=0.002)
    assert fit_calibration(logits, labels, refuse=False).refuse_below == 0.0


def test_report_counts_refusals_and_confident_mistakes():
    p = np.array([[0.95] + [0.05 / 9] * 9,      # right, sure
                  [0.05 / 9] * 9 + [0.95],      # wrong at 95 %
                  [0.3, 0.7] + [0.0] * 8,       # wrong at 70 %
                  [0.2] * 5 + [0.0] * 5])       # refused (top 20 %)
    r = report(p, np.array([0, 0, 0, 0]), Calibration(refuse_below=0.25))
    assert (r.count, r.accuracy, r.refused, r.wrong) == (4, 0.5, 0.25, 2)
    assert r.wrong_confident == 0.5


@pytest.mark.parametrize("bad", [{"temperature": 0.0}, {"temperature": float("nan")}, {"refuse_below": 1.0},
                                 {"refuse_below": -0.1}])
def test_bad_values_are_refused(bad):
    with pytest.raises(ValueError):
        Calibration(**bad)


def test_a_calibration_round_trips_through_json_and_rejects_strangers():
    c = Calibration(1.6, 0.65, "5,000 digits")
    assert Calibration.from_dict(json.loads(json.dumps(c.to_dict()))) == c
    with pytest.raises(ValueError):
        Calibration.from_dict({"version": 1, "temperature": 1.0, "code": "import os"})
    with pytest.raises(ValueError):
        Calibration.from_dict({"version": 99, "temperature": 1.0})


def test_a_model_file_carries_its_calibration_and_a_damaged_one_reads_as_none(tmp_path):
    from engine.models import build_model

    model = build_model("course-mlp", seed=0)
    path = save_model(model, tmp_path / "m.keras", calibration=Calibration(1.5, 0.4, "test"))
    assert read_calibration(path) == Calibration(1.5, 0.4, "test")
    plain = save_model(model, tmp_path / "plain.keras")
    assert read_calibration(plain) == Calibration()
    with zipfile.ZipFile(tmp_path / "bad.keras", "w") as z:
        z.writestr(CALIBRATION_MEMBER, "{not json")
    assert read_calibration(tmp_path / "bad.keras") == Calibration()
    assert read_calibration(tmp_path / "missing.keras") == Calibration()


def test_the_predictor_applies_the_temperature_and_refuses_under_the_threshold():
    from engine.models import build_model
    from engine.predictor import Predictor

    model = build_model("course-mlp", seed=3)
    x = np.random.default_rng(0).random((5, 28, 28)).astype(np.float32)
    plain = Predictor(model)
    logits = plain.logits_batch(x)
    np.testing.assert_allclose(plain.predict_batch(x), softmax(logits), atol=1e-5)
    warm = Predictor(model, Calibration(temperature=2.0, refuse_below=0.99))
    np.testing.assert_allclose(warm.predict_batch(x), softmax(logits, 2.0), atol=1e-5)
    one = warm.predict(x[0])
    np.testing.assert_allclose(one.probabilities, softmax(logits[0], 2.0), atol=1e-5)
    assert one.reason == NOT_A_DIGIT and not one.is_digit           # an untrained net is never 99 % sure
    assert plain.predict(x[0]).reason is None and plain.predict(x[0]).is_digit
    plain.set_calibration(Calibration(temperature=2.0))
    np.testing.assert_allclose(plain.predict(x[0]).probabilities, one.probabilities, atol=1e-6)


def test_the_temperature_rises_until_few_mistakes_look_certain_within_the_ece_cap():
    from engine.calibration import CONFIDENT, ECE_CAP, WRONG_CONFIDENT_TARGET, limit_confident_mistakes

    rng = np.random.default_rng(4)
    logits = rng.normal(0, 1, (3000, 10))
    labels = rng.integers(0, 10, 3000)
    logits[np.arange(3000), labels] += 12.0          # right and very sure…
    wrong = rng.choice(3000, 60, replace=False)
    labels[wrong] = (labels[wrong] + 1) % 10         # …and 2 % of them confidently wrong
    t0 = fit_temperature(logits, labels)
    t = limit_confident_mistakes(logits, labels, t0, refuse=False)
    assert t > t0
    p = softmax(logits, t)
    mistakes = p.argmax(1) != labels
    shown_sure = np.mean(p.max(1)[mistakes] >= CONFIDENT)
    assert shown_sure <= WRONG_CONFIDENT_TARGET or expected_calibration_error(softmax(logits, t * 1.02), labels) > ECE_CAP
    assert expected_calibration_error(p, labels) <= ECE_CAP + 1e-9
    # an honest model with no confident mistakes keeps its likelihood temperature
    honest_logits, honest_labels = _sample(4000, 1.0, seed=5)
    t1 = fit_temperature(honest_logits, honest_labels)
    assert limit_confident_mistakes(honest_logits, honest_labels, t1, refuse=False) == pytest.approx(t1, rel=0.05)
