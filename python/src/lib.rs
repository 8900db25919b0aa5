//! `sumbench._native`, the extension module of the `sumbench` Python package.
//!
//! It converts Python values into the crate's types, calls the crate and converts the
//! results back: no metric is computed here. The pure-Python modules of the package
//! (`sumbench/*.py`) give it rouge-score's and `evaluate`'s interfaces.
//!
//! Nothing here lets a panic cross into Python: every entry point runs its work under
//! [`catch_unwind`] and turns a panic into a `RuntimeError`, and every bad argument is a
//! `TypeError` or `ValueError`.

use std::any::Any;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;

use sumbench::dataset::{Candidate, Example};
use sumbench::evaluate::{EvalConfig, Evaluator, Workspace};
use sumbench::metrics::facts;
use sumbench::metrics::rouge::{Counts, Prepared, RougeScorer, RougeType, Scratch};
use sumbench::stats::{BootstrapConfig, rouge_score_bootstrap};
use sumbench::text::multilingual::{LangStemmer, detect_language, language_code};
use sumbench::text::segment::Segmenter;
use sumbench::text::{Analysed, Analyzer, Stemmer, Tokenization, Vocab};

/// The message of a caught panic.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

fn internal_error(payload: &(dyn Any + Send)) -> PyErr {
    PyRuntimeError::new_err(format!(
        "sumbench internal error (a bug: please report it with the input): {}",
        panic_message(payload)
    ))
}

/// Runs `f`, turning a panic into a `RuntimeError`.
fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| Err(internal_error(&*p)))
}

/// Runs `f` without the GIL, turning a panic into a `RuntimeError`.
fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(move || catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(&*p)))
        .map_err(|msg| {
            PyRuntimeError::new_err(format!(
                "sumbench internal error (a bug: please report it with the input): {msg}"
            ))
        })
}

/// The codes the Python layer uses for ROUGE types: 1..=9 ROUGE-N, 10 ROUGE-L, 11 ROUGE-Lsum.
fn rouge_type(code: u8) -> PyResult<RougeType> {
    match code {
        1..=9 => Ok(RougeType::N(code)),
        10 => Ok(RougeType::L),
        11 => Ok(RougeType::Lsum),
        _ => Err(PyValueError::new_err(format!(
            "unknown ROUGE type code {code} (1..9 for rouge1..rouge9, 10 rougeL, 11 rougeLsum)"
        ))),
    }
}

fn rouge_types(codes: &[u8]) -> PyResult<Vec<RougeType>> {
    codes.iter().map(|&c| rouge_type(c)).collect()
}

/// The stemmer and tokenization of `lang` (see the Python docs of `lang=`): none or English
/// is rouge-score's tokenizer (Porter when stemming), `auto` detects each text's language,
/// any other language is multilingual-rouge's Unicode tokenization with its segmenter and,
/// when stemming, its stemmer.
fn language(lang: Option<&str>, stem: bool) -> PyResult<(Stemmer, Tokenization)> {
    let Some(name) = lang else {
        let stemmer = if stem { Stemmer::Porter } else { Stemmer::None };
        return Ok((stemmer, Tokenization::RougeScore));
    };
    if name.trim().eq_ignore_ascii_case("auto") {
        let stemmer = if stem {
            Stemmer::Snowball
        } else {
            Stemmer::None
        };
        return Ok((stemmer, Tokenization::Auto { stem }));
    }
    let code = language_code(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "lang={name:?}: unknown language (an ISO 639-1 code such as 'fr', an English name such as 'french', or 'auto')"
        ))
    })?;
    if code == "en" {
        return language(None, stem);
    }
    let stem_with = if stem {
        Some(LangStemmer::for_lang(code).ok_or_else(|| {
            PyValueError::new_err(format!(
                "lang={name:?}: sumbench has no stemmer for this language (multilingual-rouge's are reproduced where it has one); use use_stemmer=False"
            ))
        })?)
    } else {
        None
    };
    let tokenization = Tokenization::Unicode {
        lang: code,
        stem: stem_with,
        seg: Segmenter::for_lang(code),
    };
    let stemmer = if stem {
        Stemmer::Snowball
    } else {
        Stemmer::None
    };
    Ok((stemmer, tokenization))
}

/// rouge-score's (precision, recall, fmeasure) of `counts`, and whether rouge-score returns
/// its integer zeros `Score(0, 0, 0)` (ROUGE-L and ROUGE-Lsum when a side has no token).
fn score_tuple(t: RougeType, counts: &Counts) -> (f64, f64, f64, bool) {
    let s = counts.score();
    let int_zero = matches!(t, RougeType::L | RougeType::Lsum)
        && (counts.candidate_total == 0 || counts.reference_total == 0);
    (s.precision, s.recall, s.fmeasure, int_zero)
}

/// A text of Python's as Rust text: unpaired surrogates become U+FFFD, which every tokenizer
/// of the crate treats as the surrogate (a separator, or a dropped character).
fn text_of(s: &Bound<'_, PyString>) -> String {
    s.to_string_lossy().into_owned()
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// Per-engine working memory.
#[derive(Default)]
struct State {
    vocab: Vocab,
    scratch: Scratch,
}

/// The state of one scoring call: the engine's own when free, a fresh one when another
/// thread holds it.
enum StateRef<'a> {
    Shared(std::sync::MutexGuard<'a, State>),
    Own(Box<State>),
}

impl std::ops::Deref for StateRef<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        match self {
            StateRef::Shared(g) => g,
            StateRef::Own(s) => s,
        }
    }
}

impl std::ops::DerefMut for StateRef<'_> {
    fn deref_mut(&mut self) -> &mut State {
        match self {
            StateRef::Shared(g) => &mut *g,
            StateRef::Own(s) => &mut *s,
        }
    }
}

/// Texts above this many bytes in total are scored without the GIL.
const DETACH_BYTES: usize = 1 << 16;

/// The scoring engine behind `sumbench.rouge_scorer.RougeScorer` with the default tokenizer:
/// one analyzer (tokenizer, stemmer, language) and its working memory.
#[pyclass(module = "sumbench._native", frozen)]
struct Engine {
    analyzer: Analyzer,
    /// `lang="auto"`: each call is analysed in the language of its (first) target.
    auto_stem: Option<bool>,
    state: Mutex<State>,
}

impl Engine {
    fn state(&self) -> StateRef<'_> {
        match self.state.try_lock() {
            Ok(g) => StateRef::Shared(g),
            Err(std::sync::TryLockError::Poisoned(p)) => {
                // a panic while scoring left it: start afresh
                let mut g = p.into_inner();
                *g = State::default();
                StateRef::Shared(g)
            }
            Err(std::sync::TryLockError::WouldBlock) => StateRef::Own(Box::default()),
        }
    }

    /// Scores `prediction` against `targets` (rouge-score's `score_multi` rule when there
    /// are several); with `lsum` texts, ROUGE-Lsum reads those instead of the texts.
    fn score_texts(
        &self,
        types: &[RougeType],
        targets: &[String],
        prediction: &str,
        lsum: Option<(&[String], &str)>,
    ) -> Vec<(f64, f64, f64, bool)> {
        let analyzer = match self.auto_stem {
            Some(stem) => {
                let lang = targets
                    .first()
                    .and_then(|t| detect_language(t))
                    .unwrap_or("und");
                self.analyzer.in_language(lang, stem)
            }
            None => self.analyzer,
        };
        let mut state = self.state();
        let State { vocab, scratch } = &mut *state;
        vocab.clear();
        let separate_lsum = lsum.is_some() && types.contains(&RougeType::Lsum);
        let whole_types: Vec<RougeType> = types
            .iter()
            .copied()
            .filter(|t| !(separate_lsum && *t == RougeType::Lsum))
            .collect();
        let mut counts: Vec<(RougeType, Counts)> = Vec::with_capacity(types.len());
        let mut run = |types: &[RougeType], targets: &[String], prediction: &str| {
            let scorer = RougeScorer::new(types);
            let refs: Vec<Prepared> = targets
                .iter()
                .map(|t| {
                    let a = analyzer.analyse(t, vocab);
                    scorer.prepare_reference(a, Some(vocab))
                })
                .collect();
            let a = analyzer.analyse(prediction, vocab);
            let cand = scorer.prepare_candidate(a, Some(vocab), &refs);
            for r in scorer.score_multi(&refs, &cand, scratch) {
                counts.push((r.rouge_type, r.counts));
            }
        };
        if !whole_types.is_empty() {
            run(&whole_types, targets, prediction);
        }
        if let (true, Some((targets, prediction))) = (separate_lsum, lsum) {
            run(&[RougeType::Lsum], targets, prediction);
        }
        types
            .iter()
            .map(|&t| {
                let c = counts
                    .iter()
                    .find(|(u, _)| *u == t)
                    .map(|(_, c)| *c)
                    .unwrap_or_default();
                score_tuple(t, &c)
            })
            .collect()
    }
}

fn strings(list: &[Bound<'_, PyString>]) -> Vec<String> {
    list.iter().map(text_of).collect()
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (use_stemmer=false, lang=None))]
    fn new(use_stemmer: bool, lang: Option<&str>) -> PyResult<Self> {
        guard(|| {
            let (stemmer, tokenization) = language(lang, use_stemmer)?;
            let auto_stem = match tokenization {
                Tokenization::Auto { stem } => Some(stem),
                _ => None,
            };
            Ok(Engine {
                analyzer: Analyzer::with_tokenization(stemmer, tokenization),
                auto_stem,
                state: Mutex::new(State::default()),
            })
        })
    }

    /// Scores of `prediction` against `target`, one `(precision, recall, fmeasure,
    /// int_zero)` per type code of `kinds`; ROUGE-Lsum reads `target_lsum` and
    /// `prediction_lsum` when given (both or neither).
    #[pyo3(signature = (kinds, target, prediction, target_lsum=None, prediction_lsum=None))]
    fn score(
        &self,
        py: Python<'_>,
        kinds: Vec<u8>,
        target: &Bound<'_, PyString>,
        prediction: &Bound<'_, PyString>,
        target_lsum: Option<&Bound<'_, PyString>>,
        prediction_lsum: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Vec<(f64, f64, f64, bool)>> {
        guard(|| {
            let types = rouge_types(&kinds)?;
            let targets = vec![text_of(target)];
            let prediction = text_of(prediction);
            let lsum = match (target_lsum, prediction_lsum) {
                (Some(t), Some(p)) => Some((vec![text_of(t)], text_of(p))),
                (None, None) => None,
                _ => {
                    return Err(PyValueError::new_err(
                        "target_lsum and prediction_lsum go together",
                    ));
                }
            };
            self.run(py, &types, &targets, &prediction, lsum)
        })
    }

    /// rouge-score's `score_multi`: per type, the scores against the target with the best F
    /// (the first on ties). `targets_lsum` (one per target) and `prediction_lsum` as in
    /// `score`.
    #[pyo3(signature = (kinds, targets, prediction, targets_lsum=None, prediction_lsum=None))]
    fn score_multi(
        &self,
        py: Python<'_>,
        kinds: Vec<u8>,
        targets: Vec<Bound<'_, PyString>>,
        prediction: &Bound<'_, PyString>,
        targets_lsum: Option<Vec<Bound<'_, PyString>>>,
        prediction_lsum: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Vec<(f64, f64, f64, bool)>> {
        guard(|| {
            let types = rouge_types(&kinds)?;
            if targets.is_empty() {
                return Err(PyValueError::new_err(
                    "score_multi needs at least one target",
                ));
            }
            let lsum = match (targets_lsum, prediction_lsum) {
                (Some(t), Some(p)) if t.len() == targets.len() => Some((strings(&t), text_of(p))),
                (None, None) => None,
                _ => {
                    return Err(PyValueError::new_err(
                        "targets_lsum (one per target) and prediction_lsum go together",
                    ));
                }
            };
            self.run(py, &types, &strings(&targets), &text_of(prediction), lsum)
        })
    }
}

impl Engine {
    fn run(
        &self,
        py: Python<'_>,
        types: &[RougeType],
        targets: &[String],
        prediction: &str,
        lsum: Option<(Vec<String>, String)>,
    ) -> PyResult<Vec<(f64, f64, f64, bool)>> {
        let bytes = targets.iter().map(String::len).sum::<usize>()
            + prediction.len()
            + lsum.as_ref().map_or(0, |(t, p)| {
                t.iter().map(String::len).sum::<usize>() + p.len()
            });
        let lsum = lsum.as_ref().map(|(t, p)| (t.as_slice(), p.as_str()));
        if bytes > DETACH_BYTES {
            detached(py, || self.score_texts(types, targets, prediction, lsum))
        } else {
            Ok(self.score_texts(types, targets, prediction, lsum))
        }
    }
}

/// Token ids from Python (a custom tokenizer's tokens, interned there) made dense.
struct Dense(HashMap<i64, u32>);

impl Dense {
    fn ids(&mut self, tokens: &[i64]) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let next = self.0.len() as u32;
                *self.0.entry(*t).or_insert(next)
            })
            .collect()
    }

    /// One text for ROUGE-N and ROUGE-L: its tokens as one sentence.
    fn whole(&mut self, tokens: &[i64]) -> Analysed {
        let tokens = self.ids(tokens);
        let sentences = if tokens.is_empty() {
            Vec::new()
        } else {
            vec![(0, tokens.len() as u32)]
        };
        Analysed { tokens, sentences }
    }

    /// One text for ROUGE-Lsum: its sentences' tokens.
    fn sentences(&mut self, sentences: &[Vec<i64>]) -> Analysed {
        let mut a = Analysed::default();
        for s in sentences {
            let start = a.tokens.len() as u32;
            a.tokens.extend(self.ids(s));
            let end = a.tokens.len() as u32;
            if end > start {
                a.sentences.push((start, end));
            }
        }
        a
    }
}

/// ROUGE of token ids (a custom tokenizer's tokens, interned by the Python layer): `target`
/// and `prediction` for ROUGE-N and ROUGE-L, `target_sentences` and `prediction_sentences`
/// (the tokens of each line) for ROUGE-Lsum. One `(precision, recall, fmeasure, int_zero)`
/// per type code.
#[pyfunction]
#[pyo3(signature = (kinds, target=None, prediction=None, target_sentences=None, prediction_sentences=None))]
fn score_tokens(
    py: Python<'_>,
    kinds: Vec<u8>,
    target: Option<Vec<i64>>,
    prediction: Option<Vec<i64>>,
    target_sentences: Option<Vec<Vec<i64>>>,
    prediction_sentences: Option<Vec<Vec<i64>>>,
) -> PyResult<Vec<(f64, f64, f64, bool)>> {
    guard(|| {
        let types = rouge_types(&kinds)?;
        let whole_types: Vec<RougeType> = types
            .iter()
            .copied()
            .filter(|t| *t != RougeType::Lsum)
            .collect();
        let mut dense = Dense(HashMap::new());
        let whole = match (&target, &prediction) {
            (Some(t), Some(p)) => Some((dense.whole(t), dense.whole(p))),
            _ if whole_types.is_empty() => None,
            _ => {
                return Err(PyValueError::new_err(
                    "ROUGE-N and ROUGE-L need the target's and the prediction's tokens",
                ));
            }
        };
        let lsum = match (&target_sentences, &prediction_sentences) {
            (Some(t), Some(p)) => Some((dense.sentences(t), dense.sentences(p))),
            _ if !types.contains(&RougeType::Lsum) => None,
            _ => {
                return Err(PyValueError::new_err(
                    "ROUGE-Lsum needs the target's and the prediction's sentence tokens",
                ));
            }
        };
        let work = move || {
            let mut scratch = Scratch::default();
            let mut counts: Vec<(RougeType, Counts)> = Vec::new();
            let mut run = |types: &[RougeType], (t, p): (Analysed, Analysed)| {
                let scorer = RougeScorer::new(types);
                let r = scorer.prepare_reference(t, None);
                let c = scorer.prepare_candidate(p, None, std::slice::from_ref(&r));
                let scored = scorer.score_prepared(&r, &c, &mut scratch);
                counts.extend(scorer.types().iter().copied().zip(scored));
            };
            if let Some(w) = whole
                && !whole_types.is_empty()
            {
                run(&whole_types, w);
            }
            if let Some(l) = lsum {
                run(&[RougeType::Lsum], l);
            }
            types
                .iter()
                .map(|&t| {
                    let c = counts
                        .iter()
                        .find(|(u, _)| *u == t)
                        .map(|(_, c)| *c)
                        .unwrap_or_default();
                    score_tuple(t, &c)
                })
                .collect::<Vec<_>>()
        };
        detached(py, work)
    })
}

/// rouge-score's tokens of `text` (its tokenizer, then nltk's Porter stemmer on tokens longer
/// than three characters when `use_stemmer`).
#[pyfunction]
#[pyo3(signature = (text, use_stemmer=false))]
fn tokenize(text: &Bound<'_, PyString>, use_stemmer: bool) -> PyResult<Vec<String>> {
    guard(|| {
        let tokens = sumbench::text::tokenize(&text_of(text));
        Ok(if use_stemmer {
            tokens
                .into_iter()
                .map(|t| Stemmer::Porter.stem_if_long(&t).unwrap_or(t))
                .collect()
        } else {
            tokens
        })
    })
}

/// The texts of a Python sequence of `str` (`what` names it in errors).
fn texts(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of strings, not a string"
        )));
    }
    let mut out = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(s) => out.push(text_of(s)),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "{what}[{i}] must be a str, not {}",
                    type_name(&item)
                )));
            }
        }
    }
    Ok(out)
}

/// The references of a Python sequence whose items are a `str` or a list (or tuple) of them.
fn references_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "references must be a list (of strings, or of lists of strings), not a string",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        if let Ok(s) = item.cast::<PyString>() {
            out.push(vec![text_of(s)]);
            continue;
        }
        if !(item.is_instance_of::<PyList>() || item.is_instance_of::<PyTuple>()) {
            return Err(PyTypeError::new_err(format!(
                "references[{i}] must be a str or a list of str, not {}",
                type_name(&item)
            )));
        }
        let refs = texts(&item, &format!("references[{i}]"))?;
        if refs.is_empty() {
            return Err(PyValueError::new_err(format!(
                "references[{i}] is an empty list: every prediction needs at least one reference"
            )));
        }
        out.push(refs);
    }
    Ok(out)
}

/// A rayon pool of `threads` threads (`None`: the global pool).
fn pool(threads: Option<i64>) -> PyResult<Option<rayon::ThreadPool>> {
    match threads {
        None => Ok(None),
        Some(n) if (1..=1024).contains(&n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n as usize)
            .build()
            .map(Some)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}"))),
        Some(n) => Err(PyValueError::new_err(format!(
            "threads={n}: expected a number of threads from 1 to 1024, or None for all cores"
        ))),
    }
}

fn f64_bytes<'py>(py: Python<'py>, values: &[f64]) -> Bound<'py, PyBytes> {
    let raw: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
    PyBytes::new(py, &raw)
}

/// One ROUGE type's columns from `score_batch`: name, precision, recall, fmeasure (native
/// `float64` bytes) and the rows where rouge-score returns integer zeros (one byte each).
type BatchColumns<'py> = (
    String,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
);

/// ROUGE of every `(prediction, references)` pair, in parallel without the GIL: the crate's
/// `Evaluator`, one example per pair, rouge-score's `score_multi` rule for several references.
#[pyfunction]
#[pyo3(signature = (rouge_types, predictions, references, use_stemmer=false, lang=None, threads=None))]
fn score_batch<'py>(
    py: Python<'py>,
    rouge_types: Vec<String>,
    predictions: &Bound<'py, PyAny>,
    references: &Bound<'py, PyAny>,
    use_stemmer: bool,
    lang: Option<&str>,
    threads: Option<i64>,
) -> PyResult<Vec<BatchColumns<'py>>> {
    guard(|| {
        let mut types: Vec<RougeType> = Vec::new();
        for name in &rouge_types {
            let t: RougeType = name.parse().map_err(PyValueError::new_err)?;
            if !types.contains(&t) {
                types.push(t);
            }
        }
        let (stemmer, tokenization) = language(lang, use_stemmer)?;
        let predictions = texts(predictions, "predictions")?;
        let references = references_of(references)?;
        if predictions.len() != references.len() {
            return Err(PyValueError::new_err(format!(
                "predictions and references differ in length: {} predictions, {} references",
                predictions.len(),
                references.len()
            )));
        }
        let pool = pool(threads)?;
        let examples: Vec<Example> = predictions
            .into_iter()
            .zip(references)
            .enumerate()
            .map(|(i, (text, references))| Example {
                id: i.to_string(),
                line: i + 1,
                source: None,
                references,
                candidates: vec![Candidate {
                    system: String::new(),
                    text,
                }],
                removed_lines: 0,
                lang: None,
            })
            .collect();
        let evaluator = Evaluator::new(EvalConfig {
            tokenization,
            ..EvalConfig::rouge_only(types.clone(), stemmer)
        });
        let n_types = types.len();
        let work = || {
            let scored: Vec<Vec<Counts>> = examples
                .par_iter()
                .with_min_len(32)
                .map_init(Workspace::default, |ws, ex| {
                    evaluator
                        .evaluate(ex, ws)
                        .and_then(|r| r.systems.into_iter().next())
                        .map(|s| s.rouge.into_iter().map(|r| r.counts).collect())
                        .unwrap_or_else(|| vec![Counts::default(); n_types])
                })
                .collect();
            scored
        };
        let scored = detached(py, || match &pool {
            Some(p) => p.install(work),
            None => work(),
        })?;
        let mut out = Vec::with_capacity(n_types);
        for (k, &t) in types.iter().enumerate() {
            let (mut p, mut r, mut f, mut z) = (
                Vec::with_capacity(scored.len()),
                Vec::with_capacity(scored.len()),
                Vec::with_capacity(scored.len()),
                Vec::with_capacity(scored.len()),
            );
            for row in &scored {
                let (pp, rr, ff, zz) = score_tuple(t, &row[k]);
                p.push(pp);
                r.push(rr);
                f.push(ff);
                z.push(u8::from(zz));
            }
            out.push((
                t.name(),
                f64_bytes(py, &p),
                f64_bytes(py, &r),
                f64_bytes(py, &f),
                PyBytes::new(py, &z),
            ));
        }
        Ok(out)
    })
}

/// Most resamples `bootstrap` accepts (each is one float of memory per column).
const MAX_RESAMPLES: usize = 100_000_000;

/// rouge-score's `BootstrapAggregator` method on each column of values: `(low, mid, high)`,
/// the crate's seeded resamples (the same draws for every column).
#[pyfunction]
#[pyo3(signature = (columns, confidence=0.95, n_samples=1000, seed=12345))]
fn bootstrap(
    py: Python<'_>,
    columns: Vec<Vec<f64>>,
    confidence: f64,
    n_samples: usize,
    seed: u64,
) -> PyResult<Vec<(f64, f64, f64)>> {
    guard(|| {
        if !(0.0..=1.0).contains(&confidence) {
            return Err(PyValueError::new_err(
                "confidence_interval must be in range [0, 1]",
            ));
        }
        if n_samples == 0 {
            return Err(PyValueError::new_err("n_samples must be positive"));
        }
        if n_samples > MAX_RESAMPLES {
            return Err(PyValueError::new_err(format!(
                "n_samples={n_samples}: at most {MAX_RESAMPLES} resamples"
            )));
        }
        let config = BootstrapConfig {
            resamples: n_samples,
            seed,
            confidence,
        };
        let summaries = detached(py, || {
            columns
                .iter()
                .map(|c| rouge_score_bootstrap(c, &config))
                .collect::<Vec<_>>()
        })?;
        summaries
            .into_iter()
            .map(|s| {
                s.map(|s| (s.low, s.mid, s.high)).ok_or_else(|| {
                    PyValueError::new_err(
                        "cannot aggregate: every score must be a finite number, and there must be at least one",
                    )
                })
            })
            .collect()
    })
}

/// Byte offsets into `text` to Python string indices (code points), for the given offsets.
fn char_offsets(text: &str, mut offsets: Vec<usize>) -> HashMap<usize, usize> {
    offsets.sort_unstable();
    offsets.dedup();
    let mut map = HashMap::with_capacity(offsets.len());
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    let mut count = 0;
    for off in offsets {
        while let Some(&(i, b)) = chars.peek() {
            if b >= off {
                break;
            }
            count = i + 1;
            chars.next();
        }
        map.insert(off, count);
    }
    map
}

/// The byte spans `[start, end]` found at `pointers` in `value` (JSON arrays of two numbers).
fn span_offsets(value: &serde_json::Value, out: &mut Vec<usize>) {
    if let Some([a, b]) = value.as_array().map(Vec::as_slice)
        && let (Some(a), Some(b)) = (a.as_u64(), b.as_u64())
    {
        out.extend([a as usize, b as usize]);
    }
}

fn convert_span(value: &mut serde_json::Value, map: &HashMap<usize, usize>) {
    if let Some(arr) = value.as_array_mut() {
        for v in arr.iter_mut() {
            if let Some(b) = v.as_u64()
                && let Some(&c) = map.get(&(b as usize))
            {
                *v = serde_json::Value::from(c);
            }
        }
    }
}

/// The language facts are read in: English without `lang`; for `auto`, the one detected
/// in the source (else in the candidate), as `sumbench explain --lang auto`.
fn facts_language(lang: Option<&str>, source: &str, candidate: &str) -> PyResult<&'static str> {
    match lang {
        None => Ok("en"),
        Some(l) if l.trim().eq_ignore_ascii_case("auto") => Ok(detect_language(source)
            .or_else(|| detect_language(candidate))
            .unwrap_or("und")),
        Some(l) => language_code(l).ok_or_else(|| {
            PyValueError::new_err(format!(
                "lang={l:?}: unknown language (an ISO 639-1 code such as 'fr', an English name such as 'french', or 'auto')"
            ))
        }),
    }
}

/// The fact check of `candidate` against `source` in `lang` (`sumbench explain`'s:
/// `facts::compare` of the two `FactDoc::with_lang`), as JSON: the report's fields,
/// `consistency`, `lang`, `note` (the categories the language cannot measure), and every
/// span as Python string indices.
#[pyfunction]
#[pyo3(name = "facts", signature = (source, candidate, lang=None))]
fn check_facts(
    py: Python<'_>,
    source: &Bound<'_, PyString>,
    candidate: &Bound<'_, PyString>,
    lang: Option<&str>,
) -> PyResult<String> {
    guard(|| {
        let (source, candidate) = (text_of(source), text_of(candidate));
        let code = facts_language(lang, &source, &candidate)?;
        let json = detached(py, || -> Result<String, String> {
            let report = facts::compare(
                &facts::FactDoc::with_lang(&source, code),
                &facts::FactDoc::with_lang(&candidate, code),
            );
            let consistency = facts::consistency(&report.lexical, &report.overall);
            let mut v = serde_json::to_value(&report).map_err(|e| e.to_string())?;
            // spans: byte offsets to string indices, source spans in the source, candidate
            // spans (and the unsupported words' spans) in the candidate
            let (mut src, mut cand) = (Vec::new(), Vec::new());
            if let Some(checks) = v["checks"].as_array() {
                for c in checks {
                    span_offsets(&c["source_span"], &mut src);
                    span_offsets(&c["candidate_span"], &mut cand);
                }
            }
            if let Some(words) = v["lexical"]["unsupported"].as_array() {
                for w in words {
                    span_offsets(&w[1], &mut cand);
                }
            }
            let (src_map, cand_map) = (char_offsets(&source, src), char_offsets(&candidate, cand));
            if let Some(checks) = v["checks"].as_array_mut() {
                for c in checks {
                    convert_span(&mut c["source_span"], &src_map);
                    convert_span(&mut c["candidate_span"], &cand_map);
                }
            }
            if let Some(words) = v["lexical"]["unsupported"].as_array_mut() {
                for w in words {
                    convert_span(&mut w[1], &cand_map);
                }
            }
            v["consistency"] = consistency.into();
            v["lang"] = code.into();
            v["note"] = facts::unmeasured_note(code).into();
            serde_json::to_string(&v).map_err(|e| e.to_string())
        })?;
        json.map_err(|e| PyRuntimeError::new_err(format!("sumbench internal error: {e}")))
    })
}

/// Compression and extractiveness of `candidate` against `source`: the crate's report
/// columns (`compression.*`, `extractive.*`, `novel.*`, `repetition.*`) with their values
/// (`None` where undefined), in report order.
#[pyfunction]
#[pyo3(signature = (source, candidate, lang=None))]
fn extractive(
    py: Python<'_>,
    source: &Bound<'_, PyString>,
    candidate: &Bound<'_, PyString>,
    lang: Option<&str>,
) -> PyResult<Vec<(String, Option<f64>)>> {
    guard(|| {
        let (_, tokenization) = language(lang, false)?;
        let evaluator = Evaluator::new(EvalConfig {
            rouge_types: Vec::new(),
            stemmer: Stemmer::None,
            compression: true,
            extractive: true,
            facts: false,
            tokenization,
        });
        let example = Example {
            id: String::new(),
            line: 1,
            source: Some(text_of(source)),
            references: Vec::new(),
            candidates: vec![Candidate {
                system: String::new(),
                text: text_of(candidate),
            }],
            removed_lines: 0,
            lang: None,
        };
        let values = detached(py, || {
            evaluator
                .evaluate(&example, &mut Workspace::default())
                .and_then(|r| r.systems.into_iter().next())
                .map(|s| s.values(evaluator.config()))
        })?
        .ok_or_else(|| PyRuntimeError::new_err("sumbench internal error: no result"))?;
        Ok(evaluator
            .columns()
            .into_iter()
            .map(|c| c.key)
            .zip(values)
            .collect())
    })
}

/// The `sumbench` command line run in this process (`args` without the program's name), the
/// GIL released: its exit code (0 success, 1 a gated regression, 2 bad input or usage). Its
/// report goes to standard output or its `-o` file, its errors to standard error.
#[pyfunction]
fn main(py: Python<'_>, args: Vec<String>) -> PyResult<u8> {
    let argv: Vec<String> = std::iter::once("sumbench".to_owned()).chain(args).collect();
    detached(py, move || sumbench::cli::run_args(argv))
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add_function(wrap_pyfunction!(score_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add_function(wrap_pyfunction!(bootstrap, m)?)?;
    m.add_function(wrap_pyfunction!(check_facts, m)?)?;
    m.add_function(wrap_pyfunction!(extractive, m)?)?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
