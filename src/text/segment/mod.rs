//! Word segmentation for scripts written without spaces between words.

pub mod thai;
