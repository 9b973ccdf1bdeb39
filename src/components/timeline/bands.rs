//! The year ticks and the chair terms as bands (dashed edge: a bound known only to the month
//! or year; hatched: sources disagree), each named whole or by its code, never cut.

use super::viewport::Viewport;
use super::{px, Props};
use crate::date::Precision;
use crate::export::state_name;
use crate::i18n::{format_range, t, Key};
use crate::model::SubjectKind;
use crate::scale::text_width;
use leptos::prelude::*;

pub(super) fn ticks(vp: Viewport) -> impl IntoView {
    let scale = vp.scale;
    move || {
        scale
            .get()
            .year_ticks()
            .into_iter()
            .map(|(y, x)| view! { <div class="ap-tl__tick" style:left=px(x)>{y}</div> })
            .collect_view()
    }
}

pub(super) fn bands(p: Props, vp: Viewport) -> impl IntoView {
    let Props { ds, lang, extent, .. } = p;
    let scale = vp.scale;
    move || {
        let l = lang.get();
        let scale = scale.get();
        ds.with_value(|ds| {
            ds.chair_terms
                .iter()
                .map(|term| {
                    let x0 = scale.x(term.span.from.first_day());
                    let x1 = match term.span.to {
                        Some(to) => scale.x(to.last_day() + 1),
                        None => scale.x(extent.1 + 1),
                    };
                    let name = state_name(ds, &term.state, term.span.from.first_day(), l).to_string();
                    let disputed = ds.disputes_about(SubjectKind::ChairTerm, &term.id).next().is_some();
                    let fuzzy_from = term.span.from.precision() != Precision::Day;
                    let fuzzy_to = term.span.to.is_none_or(|d| d.precision() != Precision::Day);
                    let range = format_range(&term.span.from, term.span.to.as_ref(), l);
                    let range =
                        if term.span.to.is_none() { format!("{range} – {}", t(Key::Ongoing, l)) } else { range };
                    let label = format!("{}: {name}, {range}", t(Key::Chair, l));
                    let code = term.state.clone();
                    // The band shows the state's name if it fits whole, else its code, else
                    // nothing (border 2 px + padding 8 px); never a cut name.
                    let room = (x1 - x0) - 10.0;
                    let mark = if disputed { " ?" } else { "" };
                    let shown = [format!("{name}{mark}"), format!("{code}{mark}")]
                        .into_iter()
                        .find(|s| text_width(s, 12.0) <= room);
                    view! {
                        <div class="ap-tl__band"
                            class:ap-tl__band--fuzzy-from=fuzzy_from
                            class:ap-tl__band--fuzzy-to=fuzzy_to
                            class:ap-tl__band--disputed=disputed
                            data-state=code
                            style:left=px(x0) style:width=px((x1 - x0).max(2.0))
                            title=label.clone()>
                            <span class="ap-visually-hidden">{label.clone()}</span>
                            <span class="ap-tl__band-text ap-fit" aria-hidden="true">
                                {shown.map(|s| view! { <span>{s}</span> })}
                            </span>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}
