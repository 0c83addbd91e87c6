//! Scoring throughput on the default assessment: one complete response, compiled names and
//! expressions, reused buffers.
//!
//! `cargo bench -p sextant-engine --bench scoring`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sextant_engine::simulate::Rng;
use sextant_engine::{Model, Response, Scores};

const DEFAULT: &str = include_str!("../../content/commercial-excellence-scan.json");

fn complete_response(model: &Model) -> Response {
    // A respondent who answered everything (the generator's "don't know" is redrawn).
    let mut rng = Rng::new(42);
    let mut response = Response::new(model);
    loop {
        model.random_response(&mut rng, &mut response);
        let answers = response.to_answers(model);
        if answers.len() == model.question_count()
            && !answers
                .values()
                .any(|a| *a == sextant_engine::Answer::DontKnow)
        {
            return response;
        }
    }
}

fn scoring(c: &mut Criterion) {
    let model = Model::load(DEFAULT)
        .expect("the default assessment loads")
        .model;
    let response = complete_response(&model);
    let mut scores = Scores::default();
    let mut group = c.benchmark_group("default assessment");
    group.throughput(Throughput::Elements(1));
    group.bench_function("score one complete response", |b| {
        b.iter(|| {
            model.score_into(std::hint::black_box(&response), &mut scores);
            std::hint::black_box(&scores);
        })
    });
    group.bench_function("full report (explanations, texts)", |b| {
        b.iter(|| std::hint::black_box(model.report(std::hint::black_box(&response), "nl")))
    });
    group.bench_function("load and validate the assessment", |b| {
        b.iter(|| std::hint::black_box(Model::load(std::hint::black_box(DEFAULT)).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
