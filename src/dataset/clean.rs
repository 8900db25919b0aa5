//! Line-level cleaning of scraped news articles.
//!
//! This module owns the removal of web debris from the plain text of a scraped
//! article: subscription, donation, bookmark and share prompts, comment-form
//! text, related-article and navigation links, video promos, bylines and
//! timestamps, photo captions, advertisement markers, legal/cookie notices, a
//! headline repeated as body text, decorative separators and stray tokens.
//! Every removal is reported with its 1-based line number and the
//! [`RemovalRule`] that fired, so a caller can audit what was dropped.
//!
//! What it must not do: rewrite, merge or reorder text (kept lines are only
//! trimmed, and runs of blank lines collapsed to one); remove long news prose
//! (phrase rules only fire on short lines, or on lines dominated by
//! boilerplate phrases, and attributed speech such as "…, he said" is
//! penalised); read files, allocate per-corpus state, or panic on any input.
//!
//! # How a line is judged
//! Each line is trimmed (a `\r` from CRLF endings goes with it) and reduced to
//! a *normal form*: lowercase, apostrophes dropped, every other
//! non-alphanumeric character a space, and letter/digit runs split apart
//! ("3Your" gives "3 your"). Rules match whole normal forms, their starts,
//! or whole-word phrases inside them. Three kinds of rules run in order:
//!
//! 1. **Direct rules** — a whole-line or line-start pattern that is
//!    boilerplate by itself ("Leave a Reply", "Back to top", "Read more:",
//!    "Updated On", "By Jane Doe"), each with a word limit.
//! 2. **Scored rules** (subscription, donation, bookmark, share, comments,
//!    legal) — phrase cues weigh 1 (weak) or 2 (strong). A line scores the sum
//!    of its cues, +1 when it addresses the reader at least twice
//!    (you/your/we/us/our), −2 when it contains attribution (said, told,
//!    according, reported…), and 0 when it is attributed *and* quoted
//!    (reported speech). It is removed when it has a strong cue or
//!    addresses the reader, and scores ≥ 2 within [`SHORT_WORDS`] words or
//!    ≥ 4 within [`LONG_WORDS`] words. Longer lines are never removed by
//!    phrase rules.
//! 3. **Context rules** — a promo paragraph scoring ≥ 2 next to a removed promo
//!    (appeal blocks span several paragraphs); the name line after an author
//!    marker; the title and description lines after a video header; link
//!    titles under a "Related Articles" heading; image alt text right before
//!    a credited caption; a later copy of an earlier short title line.

use rustc_hash::{FxHashSet, FxHasher};
use serde::Serialize;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::text::words;

/// Phrase rules remove a line on a single strong cue only up to this many
/// words.
pub const SHORT_WORDS: usize = 30;
/// Phrase rules never remove a line longer than this many words, however many
/// cues it holds.
pub const LONG_WORDS: usize = 80;
/// A line is a candidate title (for [`RemovalRule::RepeatedHeadline`]) up to
/// this many words.
pub const TITLE_WORDS: usize = 25;

/// Why a line was removed. Serialised in lowercase (`"repeatedheadline"`);
/// [`fmt::Display`] prints the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RemovalRule {
    /// Subscription, newsletter, sign-in and paywall prompts
    /// ("Subscribe to Independent Premium…", "Sign up for our newsletter").
    Subscription,
    /// Reader-support and donation appeals ("Your support helps us…",
    /// "trusted by 27 million Americans… paywalls… quality journalism").
    Donation,
    /// Bookmark and save-for-later prompts.
    Bookmark,
    /// Share and follow prompts, and lines made only of social-network names.
    Share,
    /// Comment-form text ("Leave a Reply", "Your email address will not be
    /// published", "Required fields are marked", "12 Comments").
    Comments,
    /// Related-content headings and links ("Related Articles", "Read more:",
    /// "You may also like") and the short link titles listed under a heading.
    Related,
    /// Site navigation ("Back to top", "Skip to content", "Click here to…",
    /// breadcrumbs such as "Home › World").
    Navigation,
    /// Video promos ("WATCH | …:", "Video:", "Play video") with the video's
    /// title and short description lines that follow the header.
    Video,
    /// Bylines and credits ("By Jane Doe", "Written by", "author-image" and the
    /// name after it, author e-mail or handle lines, "… contributed to this
    /// story").
    Byline,
    /// Publication stamps ("Updated On", "Published 10:30 BST, 12 June 2024",
    /// "New Update", bare dates, "5 min read").
    Timestamp,
    /// Photo captions and credits ("Image:", "Photo:", a line ending in a
    /// credit like "(Jane Doe/Reuters)", gallery counters, image file names)
    /// and image alt text right before a credited caption.
    Caption,
    /// Advertisement markers ("Advertisement", "Sponsored", "Story continues
    /// below advertisement").
    Advertisement,
    /// Legal and cookie notices ("All rights reserved", "Copyright © 2024",
    /// "We use cookies…").
    Legal,
    /// A later line identical (in normal form) to an earlier short title line.
    RepeatedHeadline,
    /// A decorative line without any letter or digit ("___", "* * *").
    Separator,
    /// A stray single lowercase word on its own line (image alt text or tag
    /// debris such as "kim").
    Fragment,
}

impl RemovalRule {
    /// Every rule, in declaration order.
    pub const ALL: [RemovalRule; 16] = [
        RemovalRule::Subscription,
        RemovalRule::Donation,
        RemovalRule::Bookmark,
        RemovalRule::Share,
        RemovalRule::Comments,
        RemovalRule::Related,
        RemovalRule::Navigation,
        RemovalRule::Video,
        RemovalRule::Byline,
        RemovalRule::Timestamp,
        RemovalRule::Caption,
        RemovalRule::Advertisement,
        RemovalRule::Legal,
        RemovalRule::RepeatedHeadline,
        RemovalRule::Separator,
        RemovalRule::Fragment,
    ];

    /// The rule's lowercase name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalRule::Subscription => "subscription",
            RemovalRule::Donation => "donation",
            RemovalRule::Bookmark => "bookmark",
            RemovalRule::Share => "share",
            RemovalRule::Comments => "comments",
            RemovalRule::Related => "related",
            RemovalRule::Navigation => "navigation",
            RemovalRule::Video => "video",
            RemovalRule::Byline => "byline",
            RemovalRule::Timestamp => "timestamp",
            RemovalRule::Caption => "caption",
            RemovalRule::Advertisement => "advertisement",
            RemovalRule::Legal => "legal",
            RemovalRule::RepeatedHeadline => "repeatedheadline",
            RemovalRule::Separator => "separator",
            RemovalRule::Fragment => "fragment",
        }
    }

    /// Whether the rule is one of the phrase-scored promo rules (these can
    /// spread to a neighbouring promo paragraph).
    fn is_scored(self) -> bool {
        matches!(
            self,
            RemovalRule::Subscription
                | RemovalRule::Donation
                | RemovalRule::Bookmark
                | RemovalRule::Share
                | RemovalRule::Comments
                | RemovalRule::Legal
        )
    }
}

impl fmt::Display for RemovalRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One removed line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// 1-based line number in the input (`\n`, `\r\n` and a lone `\r` each end
    /// a line).
    pub line: usize,
    /// The line's text, trimmed.
    pub text: String,
    /// The rule that removed it.
    pub rule: RemovalRule,
}

/// The result of [`clean`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    /// Kept lines, trimmed, in input order, joined by `'\n'`; leading and
    /// trailing blank lines are dropped and runs of blank lines collapse to
    /// one (blank lines are never reported as removed).
    pub text: String,
    /// Removed lines in input order.
    pub removed: Vec<Removed>,
}

/// Cleans one scraped article: removes web-debris lines and reports each
/// removal. Never panics; an empty or blank input gives an empty text.
pub fn clean(text: &str) -> Cleaned {
    let lines: Vec<Line<'_>> = split_lines(text).into_iter().map(Line::new).collect();
    let mut state = State::new(&lines);
    state.first_pass();
    state.repeated_headlines();
    state.context_passes();
    state.finish()
}

// ---------------------------------------------------------------------------
// Line features

/// Splits on `\r\n`, `\n` and lone `\r`.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

struct Line<'a> {
    /// Trimmed text.
    raw: &'a str,
    /// Lowercased trimmed text with curly quotes made straight.
    lower: String,
    /// Normal form padded with single spaces: `" word word "`.
    norm: String,
    /// Whitespace-separated words of `raw`.
    words: usize,
    /// Hashes of the normal-form tokens: a phrase whose first word is absent
    /// is rejected without a string search.
    token_hashes: FxHashSet<u64>,
}

fn token_hash(t: &str) -> u64 {
    let mut h = FxHasher::default();
    t.hash(&mut h);
    h.finish()
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let raw = raw.trim();
        let lower: String = raw
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                '\u{00A0}' => ' ',
                c => c,
            })
            .collect();
        let norm = normal_form(&lower);
        Line {
            raw,
            token_hashes: norm.split_whitespace().map(token_hash).collect(),
            norm,
            lower,
            words: raw.split_whitespace().count(),
        }
    }

    fn is_blank(&self) -> bool {
        self.raw.is_empty()
    }

    fn tokens(&self) -> impl Iterator<Item = &str> {
        self.norm.split_whitespace()
    }

    fn token_count(&self) -> usize {
        self.tokens().count()
    }

    fn whole(&self, p: &str) -> bool {
        self.norm.len() == p.len() + 2 && self.norm.get(1..self.norm.len() - 1) == Some(p)
    }

    fn starts(&self, p: &str) -> bool {
        self.norm
            .get(1..)
            .is_some_and(|s| s.starts_with(p) && s[p.len()..].starts_with(' '))
    }

    fn phrase(&self, p: &str) -> bool {
        has_phrase(&self.norm, p)
    }

    fn may_hold(&self, phrase: &str) -> bool {
        phrase
            .split(' ')
            .next()
            .is_some_and(|w| self.token_hashes.contains(&token_hash(w)))
    }

    fn matches(&self, pat: Pat) -> bool {
        if let Pat::Start(p) | Pat::Phrase(p) = pat
            && !self.may_hold(p)
        {
            return false;
        }
        match pat {
            Pat::Start(p) => self.starts(p),
            Pat::Phrase(p) => self.phrase(p),
            Pat::RawStart(p) => self.lower.starts_with(p),
        }
    }

    /// Ends without sentence-final punctuation (a heading or link title).
    fn title_like(&self) -> bool {
        !self.is_blank()
            && self.words <= TITLE_WORDS
            && !self
                .raw
                .ends_with(['.', '!', '?', '"', '\u{201D}', '\'', '\u{2019}', '\u{2026}'])
    }

    fn count_in(&self, set: &[&str]) -> usize {
        self.tokens().filter(|t| set.contains(t)).count()
    }
}

/// Lowercase text to `" tok tok "`: apostrophes dropped, other
/// non-alphanumerics become spaces, letter/digit runs split.
fn normal_form(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() + 2);
    out.push(' ');
    let mut prev: Option<bool> = None; // Some(is_digit) of the previous kept char
    for c in lower.chars() {
        if c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            let digit = c.is_numeric();
            if prev.is_some_and(|p| p != digit) {
                out.push(' ');
            }
            out.push(c);
            prev = Some(digit);
        } else if prev.is_some() {
            out.push(' ');
            prev = None;
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    if out.len() == 1 {
        out.push(' ');
    }
    out
}

/// Whole-word phrase test on a padded normal form.
fn has_phrase(norm: &str, p: &str) -> bool {
    if p.is_empty() {
        return false;
    }
    norm.match_indices(p)
        .any(|(i, _)| norm[..i].ends_with(' ') && norm[i + p.len()..].starts_with(' '))
}

// ---------------------------------------------------------------------------
// Rule tables

#[derive(Clone, Copy)]
enum Pat {
    /// The normal form starts with these words.
    Start(&'static str),
    /// Whole-word phrase anywhere in the normal form.
    Phrase(&'static str),
    /// The lowercased raw line starts with this text (keeps punctuation,
    /// e.g. `"read more:"`).
    RawStart(&'static str),
}

use Pat::{Phrase, RawStart, Start};
use RemovalRule as R;

/// No [`WHOLE_LINES`] entry is longer than this (checked by a test).
const WHOLE_MAX_BYTES: usize = 48;

/// Words that make a whole line a heading or marker of a rule. Any length
/// (the line is only these words).
#[rustfmt::skip]
const WHOLE_LINES: &[(RemovalRule, &[&str])] = &[
    (R::Subscription, &[
        "subscribe", "subscribe now", "subscribe today", "sign up", "sign in", "log in", "login",
        "register", "newsletter", "newsletters", "subscriber only", "subscribers only", "premium",
        "exclusive for subscribers", "get the newsletter",
    ]),
    (R::Donation, &["donate", "donate now", "support us", "contribute"]),
    (R::Bookmark, &[
        "bookmark", "bookmarks", "save", "save article", "saved", "save for later",
    ]),
    (R::Share, &[
        "share", "share this", "share article", "share story", "share this article",
        "share this story", "tweet", "copy link", "link copied", "follow us",
    ]),
    (R::Comments, &[
        "leave a reply", "leave a comment", "post a comment", "add a comment", "add comment",
        "post comment", "submit comment", "comments", "comment", "join the conversation",
        "join the discussion", "comments are closed", "cancel reply", "reply", "view comments",
        "show comments", "load comments", "be the first to comment", "no comments yet",
        "no comments",
    ]),
    (R::Related, &[
        "related", "related articles", "related article", "related stories", "related story",
        "related content", "related news", "related posts", "related topics", "related coverage",
        "more stories", "more news", "more on this story", "more on this topic",
        "you may also like", "you might also like", "recommended", "recommended for you",
        "recommended stories", "most read", "most popular", "most viewed", "trending",
        "trending now", "top stories", "latest news", "latest stories", "read next", "up next",
        "also read", "read also", "see also", "editors picks", "further reading", "read more",
        "more like this", "in other news",
    ]),
    (R::Navigation, &[
        "back to top", "back to top button", "skip to content", "skip to main content",
        "skip navigation", "menu", "main menu", "open menu", "close menu", "toggle navigation",
        "search", "home", "close", "next", "previous", "next article", "previous article",
        "next story", "previous story", "next post", "previous post", "load more", "show more",
        "show less", "see more", "read less", "print", "print this article", "go to top",
        "scroll to top", "top", "sections", "more", "expand", "collapse",
    ]),
    (R::Video, &[
        "video", "videos", "watch", "play", "play video", "watch video", "watch now", "watch live",
        "more videos", "watch more", "replay",
    ]),
    (R::Byline, &[
        "by", "author", "authors", "author image", "about the author", "written by", "posted by",
        "staff reporter", "staff writer",
    ]),
    (R::Timestamp, &[
        "updated", "updated on", "published", "published on", "posted", "posted on", "new update",
        "last updated", "first published", "date",
    ]),
    (R::Caption, &[
        "view gallery", "open gallery", "enlarge", "enlarge image", "image", "photo", "gallery",
        "view image", "view images", "show caption", "hide caption", "toggle caption",
    ]),
    (R::Advertisement, &[
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
        "promoted", "promoted content", "paid content", "paid post", "paid partnership",
        "partner content", "story continues below advertisement",
        "article continues below advertisement", "story continues below",
        "article continues below", "continue reading below", "content continues below",
        "scroll to continue", "scroll to continue with content", "skip advert", "skip ad",
        "adchoices", "ad feedback", "remove ads", "report this ad",
    ]),
    (R::Legal, &[
        "accept", "accept all", "accept cookies", "accept all cookies", "reject all",
        "manage preferences", "cookie settings", "cookie policy", "privacy policy", "terms of use",
        "terms of service", "terms and conditions", "all rights reserved",
    ]),
];

/// Line-start patterns that remove a line of at most the given number of
/// words.
#[rustfmt::skip]
const STARTS: &[(RemovalRule, Pat, usize)] = &[
    (R::Related, RawStart("read more:"), SHORT_WORDS),
    (R::Related, RawStart("read more "), SHORT_WORDS),
    (R::Related, RawStart("read more |"), SHORT_WORDS),
    (R::Related, RawStart("read also"), SHORT_WORDS),
    (R::Related, RawStart("also read"), SHORT_WORDS),
    (R::Related, RawStart("related:"), SHORT_WORDS),
    (R::Related, RawStart("see also:"), SHORT_WORDS),
    (R::Related, RawStart("recommended:"), SHORT_WORDS),
    (R::Related, RawStart("read next:"), SHORT_WORDS),
    (R::Related, RawStart("up next:"), SHORT_WORDS),
    (R::Related, RawStart("more from "), 12),
    (R::Related, RawStart("more stories from"), 12),
    (R::Related, RawStart("you may also like"), 12),
    (R::Related, RawStart("you might also like"), 12),
    (R::Navigation, RawStart("click here"), SHORT_WORDS),
    (R::Navigation, RawStart("tap here"), SHORT_WORDS),
    (R::Navigation, Start("back to top"), 6),
    (R::Navigation, Start("skip to"), 6),
    (R::Video, RawStart("watch:"), 20),
    (R::Video, RawStart("watch |"), 20),
    (R::Video, RawStart("watch l "), 20),
    (R::Video, RawStart("watch -"), 20),
    (R::Video, RawStart("video:"), 20),
    (R::Video, RawStart("video |"), 20),
    (R::Video, RawStart("watch the video"), 20),
    (R::Video, RawStart("watch video"), 20),
    (R::Video, RawStart("play video"), 20),
    (R::Video, RawStart("video duration"), 8),
    (R::Video, RawStart("video player"), 12),
    (R::Byline, RawStart("written by"), 25),
    (R::Byline, RawStart("words by"), 25),
    (R::Byline, RawStart("reporting by"), 25),
    (R::Byline, RawStart("reported by"), 25),
    (R::Byline, RawStart("edited by"), 25),
    (R::Byline, RawStart("editing by"), 25),
    (R::Byline, RawStart("compiled by"), 25),
    (R::Byline, RawStart("story by"), 25),
    (R::Byline, RawStart("posted by"), 25),
    (R::Byline, RawStart("text by"), 25),
    (R::Byline, RawStart("author:"), 25),
    (R::Byline, RawStart("authors:"), 25),
    (R::Byline, RawStart("reporter:"), 25),
    (R::Byline, RawStart("author-image"), 12),
    (R::Byline, Phrase("contributed to this story"), SHORT_WORDS),
    (R::Byline, Phrase("contributed to this report"), SHORT_WORDS),
    (
        R::Byline,
        Phrase("contributed to this article"),
        SHORT_WORDS,
    ),
    (R::Byline, Phrase("contributed reporting"), SHORT_WORDS),
    (R::Timestamp, Start("min read"), 6),
    (R::Caption, RawStart("image:"), 60),
    (R::Caption, RawStart("images:"), 60),
    (R::Caption, RawStart("photo:"), 60),
    (R::Caption, RawStart("photos:"), 60),
    (R::Caption, RawStart("photograph:"), 60),
    (R::Caption, RawStart("picture:"), 60),
    (R::Caption, RawStart("pictures:"), 60),
    (R::Caption, RawStart("pic:"), 60),
    (R::Caption, RawStart("caption:"), 60),
    (R::Caption, RawStart("credit:"), 60),
    (R::Caption, RawStart("photo credit"), 60),
    (R::Caption, RawStart("image credit"), 60),
    (R::Caption, RawStart("image source"), 60),
    (R::Caption, RawStart("photo by "), 60),
    (R::Caption, RawStart("photograph by "), 60),
    (R::Caption, RawStart("illustration:"), 60),
    (R::Caption, RawStart("file photo"), 60),
    (R::Caption, RawStart("(photo"), 60),
    (R::Caption, RawStart("(image"), 60),
    (R::Caption, RawStart("[photo"), 60),
    (R::Caption, RawStart("[image"), 60),
    (R::Advertisement, Start("advertisement"), 6),
    (R::Advertisement, Start("story continues"), 6),
    (R::Advertisement, Start("article continues"), 6),
    (R::Legal, Phrase("all rights reserved"), SHORT_WORDS),
];

/// Phrase cues of the scored rules with their weights (2 strong, 1 weak).
#[rustfmt::skip]
const CUES: &[(RemovalRule, Pat, u8)] = &[
    // Subscription.
    (R::Subscription, Start("subscribe"), 2),
    (R::Subscription, Phrase("subscribe now"), 2),
    (R::Subscription, Phrase("subscribe today"), 2),
    (R::Subscription, Phrase("subscribe to our"), 2),
    (R::Subscription, Phrase("subscribe"), 1),
    (R::Subscription, Phrase("subscription"), 1),
    (R::Subscription, Phrase("subscriptions"), 1),
    (R::Subscription, Phrase("your subscription"), 2),
    (R::Subscription, Phrase("subscription today"), 2),
    (R::Subscription, Phrase("free trial"), 1),
    (R::Subscription, Phrase("start your free trial"), 2),
    (R::Subscription, Phrase("already a subscriber"), 2),
    (R::Subscription, Phrase("already subscribed"), 2),
    (R::Subscription, Phrase("subscribers only"), 2),
    (R::Subscription, Phrase("subscriber only"), 2),
    (R::Subscription, Phrase("subscriber exclusive"), 2),
    (R::Subscription, Phrase("premium"), 1),
    (R::Subscription, Phrase("unlimited access"), 2),
    (R::Subscription, Phrase("unlimited digital access"), 2),
    (R::Subscription, Phrase("newsletter"), 1),
    (R::Subscription, Phrase("newsletters"), 1),
    (R::Subscription, Phrase("our newsletter"), 2),
    (R::Subscription, Phrase("our newsletters"), 2),
    (R::Subscription, Start("sign up"), 2),
    (R::Subscription, Phrase("sign up"), 1),
    (R::Subscription, Phrase("sign up for our"), 2),
    (R::Subscription, Phrase("sign up to our"), 2),
    (R::Subscription, Phrase("sign up to receive"), 2),
    (R::Subscription, Phrase("sign up for free"), 2),
    (R::Subscription, Phrase("inbox"), 1),
    (R::Subscription, Phrase("straight to your inbox"), 2),
    (R::Subscription, Phrase("delivered to your inbox"), 2),
    (R::Subscription, Phrase("log in"), 1),
    (R::Subscription, Phrase("sign in"), 1),
    (R::Subscription, Phrase("create a free account"), 2),
    (R::Subscription, Phrase("register for free"), 2),
    (R::Subscription, Phrase("to continue reading"), 2),
    (R::Subscription, Phrase("continue reading"), 1),
    (R::Subscription, Phrase("paywall"), 1),
    (R::Subscription, Phrase("paywalls"), 1),
    (R::Subscription, Phrase("get the app"), 2),
    (R::Subscription, Phrase("download our app"), 2),
    // Donation.
    (R::Donation, Phrase("your support"), 2),
    (R::Donation, Phrase("support us"), 2),
    (R::Donation, Phrase("support our journalism"), 2),
    (R::Donation, Phrase("support our work"), 2),
    (R::Donation, Phrase("support independent journalism"), 2),
    (R::Donation, Phrase("support quality journalism"), 2),
    (R::Donation, Start("donate"), 2),
    (R::Donation, Phrase("donate now"), 2),
    (R::Donation, Phrase("donate"), 1),
    (R::Donation, Phrase("make a donation"), 2),
    (R::Donation, Phrase("make a contribution"), 2),
    (R::Donation, Phrase("your contribution"), 2),
    (R::Donation, Phrase("every contribution"), 2),
    (R::Donation, Phrase("contribute now"), 2),
    (R::Donation, Phrase("contribute today"), 2),
    (R::Donation, Phrase("help us keep"), 2),
    (R::Donation, Phrase("help us"), 1),
    (R::Donation, Phrase("helps us"), 1),
    (R::Donation, Phrase("allows us to"), 1),
    (R::Donation, Phrase("quality journalism"), 1),
    (R::Donation, Phrase("independent journalism"), 1),
    (R::Donation, Phrase("journalism must"), 1),
    (R::Donation, Phrase("our journalism"), 1),
    (R::Donation, Phrase("our reporting"), 1),
    (R::Donation, Phrase("trusted by"), 1),
    (R::Donation, Phrase("become a member"), 2),
    (R::Donation, Phrase("become a supporter"), 2),
    (R::Donation, Phrase("readers like you"), 2),
    (R::Donation, Phrase("reader funded"), 2),
    (R::Donation, Phrase("reader supported"), 2),
    (R::Donation, Phrase("any amount"), 1),
    // Bookmark.
    (R::Bookmark, Start("bookmark"), 2),
    (R::Bookmark, Phrase("bookmark"), 2),
    (R::Bookmark, Phrase("bookmarks"), 2),
    (R::Bookmark, Phrase("bookmarked"), 1),
    (R::Bookmark, Phrase("save this article"), 2),
    (R::Bookmark, Phrase("save this story"), 2),
    (R::Bookmark, Phrase("save article"), 2),
    (R::Bookmark, Phrase("saved articles"), 2),
    (R::Bookmark, Phrase("saved stories"), 2),
    (R::Bookmark, Phrase("save for later"), 2),
    (R::Bookmark, Phrase("read later"), 1),
    (R::Bookmark, Phrase("reading list"), 1),
    (R::Bookmark, Phrase("favourite articles"), 1),
    (R::Bookmark, Phrase("favorite articles"), 1),
    (R::Bookmark, Phrase("reference later"), 1),
    // Share.
    (R::Share, Phrase("share this article"), 2),
    (R::Share, Phrase("share this story"), 2),
    (R::Share, Phrase("share this page"), 2),
    (R::Share, Phrase("share this post"), 2),
    (R::Share, Phrase("share on facebook"), 2),
    (R::Share, Phrase("share on twitter"), 2),
    (R::Share, Phrase("share on x"), 2),
    (R::Share, Phrase("share on linkedin"), 2),
    (R::Share, Phrase("share on whatsapp"), 2),
    (R::Share, Phrase("share via email"), 2),
    (R::Share, Phrase("share via"), 1),
    (R::Share, Phrase("share this"), 1),
    (R::Share, Phrase("copy link"), 2),
    (R::Share, Phrase("copy the link"), 2),
    (R::Share, Phrase("link copied"), 2),
    (R::Share, Phrase("click to share"), 2),
    (R::Share, Phrase("follow us"), 2),
    (R::Share, Phrase("like us on facebook"), 2),
    (R::Share, Phrase("tweet this"), 2),
    (R::Share, Phrase("gift this article"), 2),
    (R::Share, Phrase("gift article"), 2),
    (R::Share, Phrase("join us on"), 1),
    (R::Share, Phrase("on facebook"), 1),
    (R::Share, Phrase("on twitter"), 1),
    (R::Share, Phrase("on instagram"), 1),
    (R::Share, Phrase("on telegram"), 1),
    (R::Share, Phrase("on whatsapp"), 1),
    (R::Share, Phrase("on youtube"), 1),
    // Comments.
    (
        R::Comments,
        Phrase("your email address will not be published"),
        2,
    ),
    (R::Comments, Phrase("required fields are marked"), 2),
    (R::Comments, Phrase("will not be published"), 1),
    (R::Comments, Phrase("save my name email and website"), 2),
    (R::Comments, Phrase("for the next time i comment"), 2),
    (R::Comments, Phrase("comment policy"), 2),
    (R::Comments, Phrase("community guidelines"), 1),
    (R::Comments, Phrase("log in to comment"), 2),
    (R::Comments, Phrase("to leave a comment"), 2),
    (R::Comments, Phrase("to post a comment"), 2),
    (R::Comments, Phrase("be the first to comment"), 2),
    // Legal / cookies.
    (R::Legal, Phrase("we use cookies"), 2),
    (R::Legal, Phrase("uses cookies"), 2),
    (R::Legal, Phrase("use of cookies"), 1),
    (R::Legal, Phrase("cookie policy"), 2),
    (R::Legal, Phrase("cookie settings"), 2),
    (R::Legal, Phrase("cookie preferences"), 2),
    (R::Legal, Phrase("accept cookies"), 2),
    (R::Legal, Phrase("accept all cookies"), 2),
    (R::Legal, Phrase("manage cookies"), 2),
    (R::Legal, Phrase("cookies"), 1),
    (R::Legal, Phrase("privacy policy"), 1),
    (R::Legal, Phrase("terms of use"), 1),
    (R::Legal, Phrase("terms of service"), 1),
    (R::Legal, Phrase("terms and conditions"), 1),
    (R::Legal, Phrase("by continuing to use"), 2),
    (R::Legal, Phrase("you agree to"), 1),
];

/// Tokens that address the reader (or speak as the outlet).
#[rustfmt::skip]
const READER: &[&str] = &[
    "you", "your", "yours", "youre", "youll", "youve", "we", "us", "our", "ours", "weve",
];

/// Attribution tokens: a line holding one is reported speech, i.e. news.
#[rustfmt::skip]
const ATTRIBUTION: &[&str] = &[
    "said", "says", "say", "told", "tells", "according", "reported", "reports", "announced",
    "added", "stated", "wrote", "claimed", "argued", "noted", "insisted", "warned", "explained",
];

/// Tokens of a line that only lists social networks / share targets.
#[rustfmt::skip]
const SOCIAL: &[&str] = &[
    "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "mail", "pinterest", "reddit",
    "telegram", "print", "share", "copy", "link", "messenger", "flipboard", "tumblr", "sms",
    "instagram", "youtube", "tiktok", "threads", "bluesky", "on", "via", "this", "article",
    "story", "page", "us", "follow",
];

/// Other tokens allowed in a timestamp line.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "edt", "est", "et", "pt", "pdt", "pst", "cdt",
    "cst", "ist", "kst", "jst", "cet", "cest", "aest", "hrs", "hours", "hour", "h", "minutes",
    "minute", "mins", "min", "ago", "on", "at", "updated", "update", "published", "posted", "last",
    "first", "new", "today", "yesterday", "st", "nd", "rd", "th", "of", "date", "time", "modified",
];

/// Words of image alt text (a scene description).
#[rustfmt::skip]
const VISUAL: &[&str] = &[
    "shown", "seen", "pictured", "photographed", "poses", "gestures", "stands", "walks", "sits",
    "holds", "looks",
];

/// Cues of a video description line (the line after a video title).
#[rustfmt::skip]
const VIDEO_DESCRIPTION: &[&str] = &[
    "breaks down", "explains", "takes a look", "looks at", "speaks with", "speaks to",
    "reports from", "video", "watch",
];

/// Photo-credit words in a trailing parenthesis.
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    "reuters", "getty", "afp", "ap", "ap photo", "associated press", "epa", "shutterstock",
    "alamy", "file photo", "handout", "pool", "photo", "image", "credit", "via",
];

// ---------------------------------------------------------------------------
// Special-purpose tests

fn is_separator(l: &Line<'_>) -> bool {
    !l.is_blank() && !l.raw.chars().any(char::is_alphanumeric)
}

/// A single lowercase word of letters (e.g. image alt text "kim").
fn is_fragment(l: &Line<'_>) -> bool {
    l.words == 1
        && l.raw.chars().count() <= 20
        && l.raw.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// "By Jane Doe", "By Hyung-Jin Kim and Mari Yamaguchi | AP", "By Reuters
/// Staff, June 12, 2024": after "By", only capitalised words, connectors,
/// separators, handles and date words.
fn is_by_line(l: &Line<'_>) -> bool {
    const CONNECTORS: &[&str] = &[
        "and", "&", "|", "-", "\u{2013}", "\u{2014}", "de", "van", "von", "der", "la", "le", "da",
        "di", "bin", "al", "in", "for",
    ];
    if l.words < 2 || l.words > 12 || !l.lower.starts_with("by ") {
        return false;
    }
    let mut names = 0;
    for w in l.raw.split_whitespace().skip(1) {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'));
        let lw = w.to_lowercase();
        if w.is_empty() || CONNECTORS.contains(&lw.as_str()) || w.starts_with('@') {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit() || c == ':') || words::is_month(&lw) {
            continue;
        }
        if is_capitalised(w) {
            names += 1;
        } else {
            return false;
        }
    }
    names > 0 && (!l.raw.ends_with(['.', '!', '?']) || l.words <= 4)
}

/// A short line carrying an e-mail address or a lone @handle.
fn is_contact_line(l: &Line<'_>) -> bool {
    let email = l.raw.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.split_once('@') {
            Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.'),
            None => false,
        }
    });
    let handle = l
        .raw
        .split_whitespace()
        .any(|w| w.starts_with('@') && w.chars().count() > 1);
    (email && l.words <= 12) || (handle && l.words <= 4)
}

/// Whether every token is a date/time word or number, with at least one number
/// and one month, weekday or time marker.
fn is_date_tokens<'t>(tokens: impl Iterator<Item = &'t str>) -> bool {
    let mut digits = false;
    let mut marker = false;
    let mut any = false;
    for t in tokens {
        any = true;
        if t.chars().all(|c| c.is_numeric()) {
            digits = true;
        } else if words::is_month(t) || words::is_weekday_or_abbreviation(t) {
            marker = true;
        } else if TIME_WORDS.contains(&t) {
            if matches!(
                t,
                "am" | "pm" | "ago" | "gmt" | "utc" | "bst" | "edt" | "est" | "ist" | "kst" | "jst"
            ) {
                marker = true;
            }
        } else {
            return false;
        }
    }
    any && digits && marker
}

fn is_timestamp(l: &Line<'_>) -> bool {
    if l.words > 15 {
        return false;
    }
    let stamp_start = [
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
        "date",
        "modified",
    ]
    .iter()
    .any(|p| l.starts(p));
    let numeric_date = l.raw.chars().any(|c| c.is_ascii_digit())
        && (l.raw.contains(':') || l.raw.contains('/'))
        && l.tokens()
            .all(|t| t.chars().all(char::is_numeric) || TIME_WORDS.contains(&t));
    if stamp_start {
        // "Updated: 12/06/2024" has no month word: digits after the keyword
        // suffice.
        let rest_ok = l.tokens().all(|t| {
            t.chars().all(char::is_numeric)
                || words::is_month(t)
                || words::is_weekday_or_abbreviation(t)
                || TIME_WORDS.contains(&t)
        });
        let has_digit = l.tokens().any(|t| t.chars().all(char::is_numeric));
        if rest_ok && has_digit {
            return true;
        }
    }
    if is_date_tokens(l.tokens()) {
        return true;
    }
    if numeric_date && l.words <= 4 {
        return true;
    }
    // "5 min read"
    let t: Vec<&str> = l.tokens().collect();
    matches!(t.as_slice(), [n, "min" | "mins" | "minute" | "minutes", "read"] if n.chars().all(char::is_numeric))
}

/// Ends with a photo credit in parentheses: "(Jane Doe/Reuters)",
/// "(AP Photo/Ahn Young-joon)", "(Getty Images)".
fn ends_with_credit(l: &Line<'_>) -> bool {
    if l.words > LONG_WORDS || !l.raw.ends_with(')') {
        return false;
    }
    let Some(open) = l.raw.rfind('(') else {
        return false;
    };
    let inner = l.raw[open + 1..l.raw.len() - 1].trim();
    if inner.is_empty() || inner.split_whitespace().count() > 8 {
        return false;
    }
    let slash_credit = inner.contains('/')
        && inner
            .split('/')
            .all(|part| is_capitalised(part.trim()) && !part.trim().is_empty());
    let inner_norm = normal_form(&inner.to_lowercase());
    let word_credit = CREDIT_WORDS.iter().any(|w| has_phrase(&inner_norm, w));
    slash_credit || word_credit
}

fn is_image_file(l: &Line<'_>) -> bool {
    l.words <= 3
        && l.lower.split_whitespace().any(|w| {
            [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
                .iter()
                .any(|e| w.ends_with(e))
        })
}

/// "3 of 12" gallery counters and "Show all 3".
fn is_gallery_counter(l: &Line<'_>) -> bool {
    let t: Vec<&str> = l.tokens().collect();
    let num = |s: &str| !s.is_empty() && s.chars().all(char::is_numeric);
    matches!(t.as_slice(), [a, "of", b] if num(a) && num(b))
        || matches!(t.as_slice(), ["show", "all", n] if num(n))
}

fn is_social_line(l: &Line<'_>) -> bool {
    l.token_count() >= 1 && l.words <= 12 && l.tokens().all(|t| SOCIAL.contains(&t))
}

fn is_comment_count(l: &Line<'_>) -> bool {
    let t: Vec<&str> = l.tokens().collect();
    matches!(t.as_slice(), [n, "comments" | "comment" | "replies" | "responses"] if n.chars().all(char::is_numeric))
}

fn is_breadcrumb(l: &Line<'_>) -> bool {
    l.words <= 10
        && (l.raw.contains('\u{203A}')
            || l.raw.contains('\u{00BB}')
            || l.raw.matches(" > ").count() >= 2)
}

fn is_copyright(l: &Line<'_>) -> bool {
    if l.words > SHORT_WORDS {
        return false;
    }
    if l.raw.contains('\u{00A9}') || (l.lower.starts_with("copyright") && l.lower.contains("(c)")) {
        return true;
    }
    let t: Vec<&str> = l.tokens().take(2).collect();
    matches!(t.as_slice(), ["copyright", y] if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
}

/// A video header in capitals: "WATCH | …", "WATCH l …:", "VIDEO: …".
fn is_video_header(l: &Line<'_>) -> bool {
    l.words <= 20 && (l.raw.starts_with("WATCH ") || l.raw.starts_with("VIDEO "))
}

// ---------------------------------------------------------------------------
// Scoring

#[derive(Clone, Copy, Default)]
struct Score {
    total: i32,
    best: Option<RemovalRule>,
    strong: bool,
    reader: usize,
}

impl Score {
    /// Whether the scored rules remove the line on its own.
    fn removes(&self, words: usize) -> bool {
        let gate = self.strong || self.reader > 0;
        gate && ((words <= SHORT_WORDS && self.total >= 2)
            || (words <= LONG_WORDS && self.total >= 4))
    }

    /// Whether the line may join a neighbouring removed promo.
    fn joins_block(&self, words: usize) -> bool {
        (self.strong || self.reader > 0) && words <= LONG_WORDS && self.total >= 2
    }
}

fn score(l: &Line<'_>) -> Score {
    let mut per = [0i32; RemovalRule::ALL.len()];
    let mut strong = false;
    for &(rule, pat, w) in CUES {
        if l.matches(pat) {
            per[rule as usize] += i32::from(w);
            strong |= w >= 2;
        }
    }
    let mut total: i32 = per.iter().sum();
    let best = (total > 0).then(|| {
        let mut best = 0;
        for (i, &s) in per.iter().enumerate() {
            if s > per[best] {
                best = i;
            }
        }
        RemovalRule::ALL[best]
    });
    let reader = l.count_in(READER);
    if total > 0 {
        if reader >= 2 {
            total += 1;
        }
        if l.count_in(ATTRIBUTION) > 0 {
            // Quoted and attributed: reported speech, never a prompt.
            let quoted = l.lower.contains(['"', '\u{00AB}', '\u{201E}']);
            total = if quoted { 0 } else { total - 2 };
        }
    }
    Score {
        total,
        best,
        strong,
        reader,
    }
}

// ---------------------------------------------------------------------------
// Passes

struct State<'l, 'a> {
    lines: &'l [Line<'a>],
    /// Previous / next non-blank line of each line.
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
    rules: Vec<Option<RemovalRule>>,
    scores: Vec<Score>,
    /// Whole-line Related headings (their link list may follow).
    related_heading: Vec<bool>,
    /// Author markers without a name ("By", "author-image").
    author_marker: Vec<bool>,
    /// Video headers (title and description may follow).
    video_header: Vec<bool>,
}

impl<'l, 'a> State<'l, 'a> {
    fn new(lines: &'l [Line<'a>]) -> Self {
        let n = lines.len();
        let mut prev = vec![None; n];
        let mut last = None;
        for (i, l) in lines.iter().enumerate() {
            prev[i] = last;
            if !l.is_blank() {
                last = Some(i);
            }
        }
        let mut next = vec![None; n];
        let mut last = None;
        for (i, l) in lines.iter().enumerate().rev() {
            next[i] = last;
            if !l.is_blank() {
                last = Some(i);
            }
        }
        State {
            lines,
            prev,
            next,
            rules: vec![None; n],
            scores: lines.iter().map(score).collect(),
            related_heading: vec![false; n],
            author_marker: vec![false; n],
            video_header: vec![false; n],
        }
    }

    fn first_pass(&mut self) {
        for (i, l) in self.lines.iter().enumerate() {
            if l.is_blank() {
                continue;
            }
            self.rules[i] = self.classify(i, l);
        }
    }

    fn classify(&mut self, i: usize, l: &Line<'_>) -> Option<RemovalRule> {
        if is_separator(l) {
            return Some(R::Separator);
        }
        for &(rule, words) in WHOLE_LINES {
            if l.norm.len() <= WHOLE_MAX_BYTES && words.iter().any(|w| l.whole(w)) {
                match rule {
                    R::Related => self.related_heading[i] = true,
                    R::Byline => self.author_marker[i] = true,
                    R::Video => self.video_header[i] = true,
                    _ => {}
                }
                return Some(rule);
            }
        }
        for &(rule, pat, max) in STARTS {
            if l.words <= max && l.matches(pat) {
                if rule == R::Video {
                    self.video_header[i] = true;
                }
                if rule == R::Byline && l.lower.starts_with("author-image") {
                    self.author_marker[i] = true;
                }
                return Some(rule);
            }
        }
        if is_video_header(l) {
            self.video_header[i] = true;
            return Some(R::Video);
        }
        if is_by_line(l) || is_contact_line(l) {
            return Some(R::Byline);
        }
        if is_timestamp(l) {
            return Some(R::Timestamp);
        }
        if ends_with_credit(l) || is_image_file(l) || is_gallery_counter(l) {
            return Some(R::Caption);
        }
        if is_copyright(l) {
            return Some(R::Legal);
        }
        if is_comment_count(l) {
            return Some(R::Comments);
        }
        if is_breadcrumb(l) {
            return Some(R::Navigation);
        }
        let s = self.scores[i];
        if s.removes(l.words) {
            return s.best;
        }
        if is_social_line(l) {
            return Some(R::Share);
        }
        if is_fragment(l) {
            return Some(R::Fragment);
        }
        None
    }

    /// Removes later copies of an earlier short title line (the first
    /// non-blank line, or any kept line of at most [`TITLE_WORDS`] words
    /// without sentence-final punctuation).
    fn repeated_headlines(&mut self) {
        let mut titles: Vec<&str> = Vec::new();
        let mut first = true;
        for (i, l) in self.lines.iter().enumerate() {
            if l.is_blank() || self.rules[i].is_some() {
                continue;
            }
            let key = l.norm.as_str();
            if key.trim().is_empty() {
                continue;
            }
            if titles.contains(&key) {
                self.rules[i] = Some(R::RepeatedHeadline);
                continue;
            }
            if (first && l.words <= TITLE_WORDS) || l.title_like() {
                titles.push(key);
            }
            first = false;
        }
    }

    fn next_nonblank(&self, i: usize) -> Option<usize> {
        self.next.get(i).copied().flatten()
    }

    fn prev_nonblank(&self, i: usize) -> Option<usize> {
        self.prev.get(i).copied().flatten()
    }

    fn kept(&self, i: usize) -> bool {
        self.rules[i].is_none()
    }

    fn context_passes(&mut self) {
        self.promo_blocks();
        self.author_names();
        self.video_blocks();
        self.related_blocks();
        self.alt_texts();
    }

    /// A kept line scoring ≥ 2 next to a removed promo line joins it.
    fn promo_blocks(&mut self) {
        let mut queue: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.rules[i].is_some_and(RemovalRule::is_scored))
            .collect();
        while let Some(i) = queue.pop() {
            let Some(rule) = self.rules[i] else {
                continue;
            };
            for j in [self.prev_nonblank(i), self.next_nonblank(i)]
                .into_iter()
                .flatten()
            {
                let s = self.scores[j];
                if self.kept(j) && s.joins_block(self.lines[j].words) {
                    self.rules[j] = Some(s.best.unwrap_or(rule));
                    queue.push(j);
                }
            }
        }
    }

    /// The name line (2–4 capitalised words) right after an author marker.
    fn author_names(&mut self) {
        for i in 0..self.lines.len() {
            if !self.author_marker[i] {
                continue;
            }
            let Some(j) = self.next_nonblank(i) else {
                continue;
            };
            let l = &self.lines[j];
            let name = (2..=4).contains(&l.words)
                && l.raw.chars().count() <= 40
                && l.raw.split_whitespace().all(is_capitalised)
                && !l.raw.ends_with(['.', '!', '?', ':']);
            if self.kept(j) && name {
                self.rules[j] = Some(R::Byline);
            }
        }
    }

    /// After a video header: the video title (a short title-like line) and
    /// then one description line of at most 50 words that asks a question or
    /// uses a video cue ("breaks down", "explains", …).
    fn video_blocks(&mut self) {
        for i in 0..self.lines.len() {
            if !self.video_header[i] {
                continue;
            }
            let Some(t) = self.next_nonblank(i) else {
                continue;
            };
            let title = &self.lines[t];
            if !(self.kept(t) && title.title_like() && title.words <= 15) {
                continue;
            }
            self.rules[t] = Some(R::Video);
            let Some(d) = self.next_nonblank(t) else {
                continue;
            };
            let desc = &self.lines[d];
            let cue = desc.raw.contains('?') || VIDEO_DESCRIPTION.iter().any(|p| desc.phrase(p));
            if self.kept(d) && desc.words <= 50 && cue {
                self.rules[d] = Some(R::Video);
            }
        }
    }

    /// Under a whole-line Related heading: up to 10 link titles (title-like
    /// lines of at most 20 words); up to 10 lines removed by other rules are
    /// skipped; the list ends at the first other line.
    fn related_blocks(&mut self) {
        for i in 0..self.lines.len() {
            if !self.related_heading[i] {
                continue;
            }
            let (mut taken, mut skipped) = (0, 0);
            let mut j = i;
            while let Some(k) = self.next_nonblank(j) {
                j = k;
                if !self.kept(k) {
                    skipped += 1;
                    if skipped > 10 {
                        break;
                    }
                    continue;
                }
                let l = &self.lines[k];
                if taken < 10 && l.title_like() && l.words <= 20 {
                    self.rules[k] = Some(R::Related);
                    taken += 1;
                } else {
                    break;
                }
            }
        }
    }

    /// Image alt text: a kept line of at most 25 words describing a scene
    /// ("… are shown …") right before a line removed as a caption.
    fn alt_texts(&mut self) {
        for i in 0..self.lines.len() {
            if self.rules[i] != Some(R::Caption) {
                continue;
            }
            let Some(p) = self.prev_nonblank(i) else {
                continue;
            };
            let l = &self.lines[p];
            if self.kept(p) && l.words <= 25 && l.count_in(VISUAL) > 0 {
                self.rules[p] = Some(R::Caption);
            }
        }
    }

    fn finish(self) -> Cleaned {
        let mut kept: Vec<&str> = Vec::new();
        let mut removed = Vec::new();
        let mut pending_blank = false;
        for (i, l) in self.lines.iter().enumerate() {
            if let Some(rule) = self.rules[i] {
                removed.push(Removed {
                    line: i + 1,
                    text: l.raw.to_string(),
                    rule,
                });
            } else if l.is_blank() {
                pending_blank = !kept.is_empty();
            } else {
                if pending_blank {
                    kept.push("");
                    pending_blank = false;
                }
                kept.push(l.raw);
            }
        }
        Cleaned {
            text: kept.join("\n"),
            removed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The month and weekday lists as written here before the shared lists of `text::words`.
    #[rustfmt::skip]
    const OLD_MONTHS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    ];
    #[rustfmt::skip]
    const OLD_WEEKDAYS: &[&str] = &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];

    #[test]
    fn date_words_are_the_old_sets() {
        let universe = words::listed_words()
            .into_iter()
            .chain(OLD_MONTHS.iter().copied())
            .chain(OLD_WEEKDAYS.iter().copied());
        for w in universe {
            assert_eq!(words::is_month(w), OLD_MONTHS.contains(&w), "{w}");
            assert_eq!(
                words::is_weekday_or_abbreviation(w),
                OLD_WEEKDAYS.contains(&w),
                "{w}"
            );
        }
    }

    /// The rule that removes `line` when it stands alone between two news
    /// paragraphs.
    fn rule_of(line: &str) -> Option<RemovalRule> {
        let text = format!(
            "Officials met in Seoul on Monday to discuss the talks.\n\n{line}\n\nThe talks ended without agreement, officials said."
        );
        let c = clean(&text);
        assert!(c.removed.iter().all(|r| r.line == 3), "{c:?}");
        c.removed.first().map(|r| r.rule)
    }

    fn removes(rule: RemovalRule, lines: &[&str]) {
        for l in lines {
            assert_eq!(rule_of(l), Some(rule), "should remove as {rule}: {l:?}");
        }
    }

    fn keeps(lines: &[&str]) {
        for l in lines {
            assert_eq!(rule_of(l), None, "should keep: {l:?}");
        }
    }

    #[test]
    fn subscription() {
        removes(
            RemovalRule::Subscription,
            &[
                "Subscribe to Independent Premium to bookmark this article",
                "Sign up for our newsletter",
                "Get the best of our journalism delivered to your inbox every morning.",
                "Already a subscriber? Log in",
                "Subscribe now for unlimited access to all our stories.",
                "Newsletter",
            ],
        );
        keeps(&[
            "Netflix added nine million subscribers in the quarter, beating forecasts.",
            "Voters who sign up for newsletters from campaigns get dozens of emails a week.",
            "“Subscribe to our channel,” the influencer told followers, a plea repeated in hundreds of videos seen by investigators over the past year.",
            "The newspaper introduced a paywall in 2011 and now has 10 million subscriptions, the company said in a statement.",
        ]);
    }

    #[test]
    fn donation() {
        removes(
            RemovalRule::Donation,
            &[
                "Show all 3Your support helps us to tell the story",
                "Help us keep bring these critical stories to light. Your support makes all the difference.",
                "The Independent is trusted by 27 million Americans from across the entire political spectrum every month. Unlike many other quality news outlets, we choose not to lock you out of our reporting and analysis with paywalls. But quality journalism must still be paid for.",
                "Donate now to support independent journalism.",
            ],
        );
        keeps(&[
            "“We thank you for your support,” the president told the crowd.",
            "The charity said donations rose 20% after the floods.",
            "The doctor, trusted by the community for decades, was arrested on Monday.",
        ]);
    }

    #[test]
    fn donation_block_spreads_to_neighbouring_appeal() {
        let text = "Your support helps us to tell the story\nThis election is still a dead heat, according to most polls. In a fight with such wafer-thin margins, we need reporters on the ground talking to the people Trump and Harris are courting. Your support allows us to keep sending journalists to the story.\nKim arrived in Moscow on Tuesday.";
        let c = clean(text);
        assert_eq!(c.text, "Kim arrived in Moscow on Tuesday.");
        // Alone, the long appeal paragraph stays (one cue, attribution).
        let alone = "This election is still a dead heat, according to most polls. In a fight with such wafer-thin margins, we need reporters on the ground talking to the people Trump and Harris are courting. Your support allows us to keep sending journalists to the story.";
        assert!(clean(alone).removed.is_empty());
    }

    #[test]
    fn bookmark() {
        removes(
            RemovalRule::Bookmark,
            &[
                "Bookmark this article",
                "Save this article for later",
                "Saved articles",
            ],
        );
        keeps(&["The museum sells a bookmark-shaped medal, the curator said."]);
    }

    #[test]
    fn share() {
        removes(
            RemovalRule::Share,
            &[
                "Share this article",
                "Share on Facebook",
                "Follow us on Twitter and Instagram",
                "Facebook Twitter WhatsApp Email",
                "Copy link",
            ],
        );
        keeps(&[
            "Share prices fell 3% on Monday after the announcement.",
            "The video was shared on Facebook more than a million times before it was removed.",
        ]);
    }

    #[test]
    fn comments() {
        removes(
            RemovalRule::Comments,
            &[
                "Leave a Reply",
                "Your email address will not be published. Required fields are marked *",
                "12 Comments",
                "Join the conversation",
            ],
        );
        keeps(&[
            "The minister declined to comment on the report.",
            "The report will not be published until next year, the ministry said.",
        ]);
    }

    #[test]
    fn related() {
        removes(
            RemovalRule::Related,
            &[
                "Related Articles",
                "Read more: Kim visits Russia",
                "You may also like",
                "Also read: Putin lands in Pyongyang",
            ],
        );
        keeps(&["Read the full statement below, officials said."]);
    }

    #[test]
    fn related_heading_takes_its_link_titles() {
        let text = "Kim left on Sunday.\n\nRelated Articles\n\nPutin lands in Pyongyang\nKim tours arms factory\n\nThe visit ended on Friday.";
        let c = clean(text);
        assert_eq!(c.text, "Kim left on Sunday.\n\nThe visit ended on Friday.");
        assert!(c.removed.iter().all(|r| r.rule == RemovalRule::Related));
    }

    #[test]
    fn navigation() {
        removes(
            RemovalRule::Navigation,
            &[
                "Back to top button",
                "Back to top",
                "Skip to main content",
                "Click here to read the full report",
                "Home › World › Asia",
            ],
        );
        keeps(&["Negotiators went back to the top of the agenda on Monday, diplomats said."]);
    }

    #[test]
    fn video() {
        removes(
            RemovalRule::Video,
            &[
                "WATCH l Ukraine drone attacks remind Russians of cost of war:",
                "Video: Kim's train arrives",
                "Play video",
            ],
        );
        keeps(&["Millions watch the parade on state television every year."]);
    }

    #[test]
    fn video_block_takes_title_and_description() {
        let text = "Kim left.\n\nWATCH | Drone attacks:\n\nWhat's behind the surge in drone attacks\n\nUkraine has been ramping up drone attacks, but what's the real impact? Our reporter breaks down the offensive.\n\nThe talks resumed on Friday.";
        let c = clean(text);
        assert_eq!(c.text, "Kim left.\n\nThe talks resumed on Friday.");
        // Without a question or a video cue, the paragraph after the title stays.
        let text = "WATCH | Drone attacks:\nWhat's behind the surge\nUkraine launched 40 drones overnight.";
        assert_eq!(clean(text).text, "Ukraine launched 40 drones overnight.");
    }

    #[test]
    fn byline() {
        removes(
            RemovalRule::Byline,
            &[
                "By Hyung-Jin Kim and Mari Yamaguchi",
                "By Jane Doe | AP, June 12, 2024",
                "Written by Staff Reporter",
                "Associated Press writer Mari Yamaguchi in Tokyo contributed to this story.",
                "Reporting by Josh Smith in Seoul; Editing by Ed Davies",
                "jane.doe@example.com",
                "author-image",
            ],
        );
        keeps(&[
            "By Monday, the troops had left the border area.",
            "By contrast, the South has boosted its defence budget.",
        ]);
    }

    #[test]
    fn author_marker_takes_the_name_line() {
        let c = clean("author-image\nNitish Verma\nKim praised the ties.");
        assert_eq!(c.text, "Kim praised the ties.");
        // A capitalised subheading not after an author marker stays.
        let c = clean("Kim praised the ties.\nCondemnation From Washington\nThe U.S. objected.");
        assert!(c.removed.is_empty());
    }

    #[test]
    fn timestamp() {
        removes(
            RemovalRule::Timestamp,
            &[
                "Updated On",
                "New Update",
                "Published 10:30 BST, 12 June 2024",
                "Updated: June 12, 2024 10:30 am IST",
                "Wed 12 Jun 2024 10.30 BST",
                "5 min read",
            ],
        );
        keeps(&[
            "Published in 1995, the book sold millions of copies.",
            "Updated figures showed growth of 2% in June.",
            "On June 12, 2024, Kim met Putin.",
        ]);
    }

    #[test]
    fn caption() {
        removes(
            RemovalRule::Caption,
            &[
                "Image: Kim Jong Un at the launch site",
                "Photo: Reuters",
                "A general view shows the railway terminal in Vladivostok on Monday. (Evgenia Novozhenina/Reuters)",
                "Kim at the station (Getty Images)",
                "3 of 12",
            ],
        );
        keeps(&[
            "Kim met Putin in Vladivostok (the first summit).",
            "Photos of the parade were released by KCNA on Tuesday, officials said.",
        ]);
    }

    #[test]
    fn alt_text_before_caption() {
        let text = "Kim left.\n\nSeveral buses are shown parked in front of a long low-rise building.\nThe terminal in Vladivostok. (Jane Doe/Reuters)\n\nPutin arrived.";
        let c = clean(text);
        assert_eq!(c.text, "Kim left.\n\nPutin arrived.");
        // A scene sentence not followed by a caption stays.
        assert!(
            clean("Kim was last seen in public in May.\nPutin arrived.")
                .removed
                .is_empty()
        );
    }

    #[test]
    fn advertisement() {
        removes(
            RemovalRule::Advertisement,
            &[
                "Advertisement",
                "ADVERTISEMENT",
                "Story continues below advertisement",
                "Sponsored",
            ],
        );
        keeps(&["Advertisement spending fell 5% in the quarter, the group said."]);
    }

    #[test]
    fn legal() {
        removes(
            RemovalRule::Legal,
            &[
                "Copyright © 2024 The Independent. All rights reserved.",
                "All rights reserved",
                "Copyright 2024 Associated Press",
                "We use cookies to improve your experience. By continuing to use our site, you agree to our Cookie Policy.",
            ],
        );
        keeps(&[
            "Copyright infringement claims rose 20% last year.",
            "Google said it would phase out third-party cookies in its Chrome browser next year.",
        ]);
    }

    #[test]
    fn repeated_headline() {
        let text = "Kim hails Russia ties\nKim praised the ties on Wednesday.\nKim hails Russia ties\nPutin is expected to visit.";
        let c = clean(text);
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].line, 3);
        assert_eq!(c.removed[0].rule, RemovalRule::RepeatedHeadline);
        // A repeated full sentence that was never a title line stays.
        let text = "Kim hails Russia ties\nKim praised the ties on Wednesday.\nKim praised the ties on Wednesday.";
        assert!(clean(text).removed.is_empty());
    }

    #[test]
    fn separator_and_fragment() {
        removes(RemovalRule::Separator, &["___", "* * *", "•"]);
        removes(RemovalRule::Fragment, &["kim"]);
        keeps(&["Kim", "2019", "Condemnation from Washington"]);
    }

    #[test]
    fn long_prose_with_promo_words_stays() {
        let para = "The senator urged supporters to subscribe to his newsletter and share the video on Facebook, a move critics said blurred the line between campaigning and government work, and which the ethics office is now reviewing along with dozens of similar complaints filed this year by watchdog groups.";
        assert!(clean(para).removed.is_empty());
    }

    #[test]
    fn crlf_blank_lines_and_edges() {
        assert_eq!(
            clean(""),
            Cleaned {
                text: String::new(),
                removed: vec![]
            }
        );
        assert_eq!(clean(" \n\t\r\n ").text, "");
        let c = clean("Headline\r\n\r\n\r\nBody one.\r\nAdvertisement\r\n\r\nBody two.\r\n");
        assert_eq!(c.text, "Headline\n\nBody one.\n\nBody two.");
        assert_eq!(c.removed[0].line, 5);
        assert_eq!(c.removed[0].text, "Advertisement");
        // A lone CR also ends a line.
        assert_eq!(
            clean("a b c.\rAdvertisement\rd e f.").text,
            "a b c.\nd e f."
        );
        // Non-ASCII.
        let c = clean("Ким Чен Ын прибыл в Москву.\n広告\n© 2024 新聞社");
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].rule, RemovalRule::Legal);
    }

    #[test]
    fn whole_line_entries_are_normal_forms() {
        for (_, words) in WHOLE_LINES {
            for w in *words {
                assert!(w.len() + 2 <= WHOLE_MAX_BYTES, "{w}");
                assert_eq!(normal_form(w).trim(), *w);
            }
        }
    }

    #[test]
    fn cue_patterns_are_normal_forms() {
        let pats = STARTS.iter().map(|e| e.1).chain(CUES.iter().map(|e| e.1));
        for pat in pats {
            match pat {
                Start(p) | Phrase(p) => assert_eq!(normal_form(p).trim(), p),
                RawStart(p) => assert_eq!(p.to_lowercase(), p),
            }
        }
    }

    #[test]
    fn rule_names() {
        for r in RemovalRule::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{r}\""));
        }
        assert_eq!(
            RemovalRule::RepeatedHeadline.to_string(),
            "repeatedheadline"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_accounts_for_every_line(text in "(\\PC{0,40}(\r\n|\n|\r)){0,12}\\PC{0,40}") {
            let c = clean(&text);
            let lines = split_lines(&text);
            let nonblank = lines.iter().filter(|l| !l.trim().is_empty()).count();
            let kept = c.text.split('\n').filter(|l| !l.is_empty()).count();
            prop_assert_eq!(kept + c.removed.len(), nonblank);
            for r in &c.removed {
                prop_assert!(r.line >= 1 && r.line <= lines.len());
                prop_assert_eq!(r.text.as_str(), lines[r.line - 1].trim());
            }
            prop_assert!(c.removed.windows(2).all(|w| w[0].line < w[1].line));
            prop_assert!(!c.text.starts_with('\n') && !c.text.ends_with('\n'));
        }

        #[test]
        fn boilerplate_words_never_panic(words in proptest::collection::vec(
            proptest::sample::select(vec!["subscribe", "your", "support", "by", "Jane", "(", ")", "/", "©", "said", "WATCH", "12", "June", "@x", "a@b.c", "›", "share", "\u{2019}", "Ünïcode", " ", "\r\n", "\n", ":", "."]),
            0..60,
        )) {
            let text = words.join(" ");
            let _ = clean(&text);
        }
    }
}
