//! The ROUGE-1.5.5 command line, read as the script reads it (Perl's `Getopt::Std`
//! `getopts('ahHb:c:de:f:l:mMn:p:st:r:2:3:w:uUvxz:')`): flags may be clustered (`-am`), a value
//! follows its letter or comes as the next argument even when it starts with `-` (`-2 -1`),
//! `--` ends the options, the first other argument ends them too.

use std::fmt;

use super::average::Counting;
use super::score::Formula;
use super::text::Limit;

/// The parsed options and arguments of one ROUGE-1.5.5 run.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// `-a`: evaluate every peer of the configuration.
    pub all: bool,
    /// `-c`: the confidence level, as given (printed as given: `95`).
    pub confidence: String,
    /// `-d`: print the per-evaluation scores.
    pub per_eval: bool,
    /// `-e`: the data directory (optional: the stop list and exception table are built in).
    pub data_dir: Option<String>,
    /// `-f`: `B` = best model, anything else = model average.
    pub formula: Formula,
    /// `-l` / `-b`.
    pub limit: Limit,
    /// `-m`: stem.
    pub stem: bool,
    /// `-M`: stem the models only (where the script does).
    pub stem_models: bool,
    /// `-n`: ROUGE-1 to ROUGE-N.
    pub max_n: Option<usize>,
    /// `-p`: alpha.
    pub alpha: f64,
    /// `-s`: remove stop words.
    pub stop_words: bool,
    /// `-t`: counting unit.
    pub counting: Counting,
    /// `-r`: bootstrap resamples.
    pub resamples: usize,
    /// `-2`: the skip distance, as given and as a number.
    pub skip: Option<(String, f64)>,
    /// `-u`: skip bigrams with unigrams (ROUGE-SU).
    pub su: bool,
    /// `-U`: ROUGE-S and ROUGE-SU both.
    pub s_and_su: bool,
    /// `-w`: ROUGE-W's weight, as given and as a number.
    pub weight: Option<(String, f64)>,
    /// `-x`: no ROUGE-L.
    pub no_lcs: bool,
    /// `-z`: the configuration is a file list in this input format (SEE, SPL, ISI).
    pub file_list: Option<String>,
    /// `-v`: accepted; the script's debugging output is not reproduced.
    pub verbose: bool,
    /// `-h` / `-H`: print the usage.
    pub help: bool,
    /// The configuration file.
    pub config: String,
    /// The peer to evaluate (the second argument; `X` by default with `-z`); `None` with `-a`.
    pub system: Option<String>,
}

/// A bad ROUGE-1.5.5 command line: one line saying what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError(pub String);

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionError {}

const WITH_VALUE: &str = "bceflnptr23wz";
const FLAGS: &str = "ahHdmMsuUvx";

fn err<T>(msg: impl Into<String>) -> Result<T, OptionError> {
    Err(OptionError(msg.into()))
}

fn number(opt: char, v: &str) -> Result<f64, OptionError> {
    v.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map_or_else(|| err(format!("-{opt}: {v:?} is not a number")), Ok)
}

fn count(opt: char, v: &str) -> Result<usize, OptionError> {
    v.trim()
        .parse::<usize>()
        .map_or_else(|_| err(format!("-{opt}: {v:?} is not a whole number")), Ok)
}

impl Options {
    /// Parse the script's arguments (without the program name).
    pub fn parse<S: AsRef<str>>(args: &[S]) -> Result<Options, OptionError> {
        let mut values: Vec<(char, String)> = Vec::new();
        let mut flags: Vec<char> = Vec::new();
        let mut i = 0;
        while i < args.len() {
            let a = args[i].as_ref();
            if a == "--" {
                i += 1;
                break;
            }
            if !a.starts_with('-') || a == "-" {
                break;
            }
            let mut rest = &a[1..];
            while let Some(c) = rest.chars().next() {
                rest = &rest[c.len_utf8()..];
                if WITH_VALUE.contains(c) {
                    let v = if rest.is_empty() {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.as_ref().to_owned(),
                            None => return err(format!("option -{c} needs a value")),
                        }
                    } else {
                        let v = rest.to_owned();
                        rest = "";
                        v
                    };
                    values.push((c, v));
                } else if FLAGS.contains(c) {
                    flags.push(c);
                } else {
                    return err(format!(
                        "unknown option -{c} (ROUGE-1.5.5 takes -a -b -c -d -e -f -h -H -l -m -M -n -p -r -s -t -u -U -v -w -x -z -2 -3)"
                    ));
                }
            }
            i += 1;
        }
        let positional: Vec<String> = args[i..].iter().map(|s| s.as_ref().to_owned()).collect();
        let flag = |c: char| flags.contains(&c);
        // Perl keeps the last value of a repeated option
        let value = |c: char| {
            values
                .iter()
                .rev()
                .find(|(k, _)| *k == c)
                .map(|(_, v)| v.clone())
        };
        let help = flag('h') || flag('H');
        if value('3').is_some() {
            return err(
                "-3 (Basic Elements) is out of scope: sumbench's ROUGE-1.5.5 mode computes ROUGE-N, L, W, S and SU",
            );
        }
        let file_list = value('z');
        if let Some(z) = &file_list {
            let upper = z.to_ascii_uppercase();
            if upper == "SIMPLE" {
                return err("-z SIMPLE is the Basic Elements list format, which is out of scope");
            }
            if !matches!(upper.as_str(), "SEE" | "SPL" | "ISI") {
                return err(format!("-z: unknown input format {z:?} (SEE, SPL or ISI)"));
            }
        }
        let all = flag('a') && file_list.is_none();
        if !help && positional.is_empty() {
            return err("give the ROUGE configuration file (and a system ID, or -a); -h for usage");
        }
        let config = positional.first().cloned().unwrap_or_default();
        let system = match (positional.get(1), &file_list, all) {
            (Some(s), _, _) => Some(s.clone()),
            (None, Some(_), _) => Some("X".to_owned()),
            (None, None, true) => None,
            (None, None, false) if help => None,
            (None, None, false) => {
                return err(
                    "Please specify a system ID to evaluate or use option '-a' to evaluate all systems",
                );
            }
        };
        if positional.len() > 2 {
            return err(format!(
                "too many arguments: {:?} (a configuration file and a system ID at most)",
                &positional[2..]
            ));
        }
        let limit = match (value('l'), value('b')) {
            (Some(_), Some(_)) => {
                return err("Please specify length limit in words or bytes but not both");
            }
            (Some(l), None) => match count('l', &l)? {
                0 => Limit::None,
                n => Limit::Words(n),
            },
            (None, Some(b)) => match count('b', &b)? {
                0 => Limit::None,
                n => Limit::Bytes(n),
            },
            (None, None) => Limit::None,
        };
        let confidence = value('c').unwrap_or_else(|| "95".to_owned());
        let c = number('c', &confidence)?;
        if !(0.0..=100.0).contains(&c) {
            return err("Confidence interval should be within 0 and 100");
        }
        let weight = match value('w') {
            Some(w) => {
                let x = number('w', &w)?;
                if x <= 0.0 {
                    return err("ROUGE-W weight factor must greater than 0");
                }
                Some((w, x))
            }
            None => None,
        };
        let resamples = match value('r') {
            Some(r) => count('r', &r)?,
            None => 1000,
        };
        if resamples == 0 {
            return err("-r: the number of bootstrap resamples must be at least 1");
        }
        let skip = match value('2') {
            Some(s) => {
                let x = number('2', &s)?;
                Some((s, x))
            }
            None => None,
        };
        let formula = match value('f').as_deref() {
            Some("B") => Formula::Best,
            _ => Formula::Average,
        };
        let alpha = match value('p') {
            Some(p) => {
                let a = number('p', &p)?;
                if !(0.0..=1.0).contains(&a) {
                    return err(
                        "Relative importance of ROUGE recall and precision has to be between 0 and 1 inclusively",
                    );
                }
                a
            }
            None => 0.5,
        };
        let counting = match value('t') {
            Some(t) => {
                let x = number('t', &t)?;
                if x == 1.0 {
                    Counting::Token
                } else if x == 2.0 {
                    Counting::Raw
                } else {
                    Counting::Sentence
                }
            }
            None => Counting::Sentence,
        };
        let max_n = match value('n') {
            Some(n) => Some(number('n', &n)?.max(0.0).floor() as usize),
            None => None,
        };
        Ok(Options {
            all,
            confidence,
            per_eval: flag('d'),
            data_dir: value('e'),
            formula,
            limit,
            stem: flag('m'),
            stem_models: flag('M'),
            max_n,
            alpha,
            stop_words: flag('s'),
            counting,
            resamples,
            skip,
            su: flag('u'),
            s_and_su: flag('U'),
            weight,
            no_lcs: flag('x'),
            file_list,
            verbose: flag('v'),
            help,
            config,
            system,
        })
    }

    /// Parse the options of the dataset mode (`eval --rouge155 "OPTIONS"`): the script's
    /// options only, every system evaluated (as `-a`); a configuration file, system ID or
    /// `-z` is an error.
    pub fn parse_mode(options: &str) -> Result<Options, OptionError> {
        const PLACE: &str = "\u{0}dataset";
        let mut args: Vec<&str> = options.split_whitespace().collect();
        args.extend(["-a", PLACE]);
        let o = Options::parse(&args)?;
        if o.config != PLACE || o.system.is_some() {
            return err(format!(
                "--rouge155 takes ROUGE-1.5.5 options only (no configuration file or system ID): {options:?}"
            ));
        }
        if o.file_list.is_some() {
            return err("--rouge155: -z has no meaning here (the dataset is the input)");
        }
        if o.help {
            return err("--rouge155: -h: see `sumbench rouge155 -h` for the options");
        }
        Ok(Options {
            config: String::new(),
            ..o
        })
    }

    /// The options as one string, for report signatures (`-c 95 -r 1000 -n 2 -m -a`).
    pub fn describe(&self) -> String {
        let mut s: Vec<String> = Vec::new();
        s.push(format!("-c {}", self.confidence));
        s.push(format!("-r {}", self.resamples));
        if let Some(n) = self.max_n {
            s.push(format!("-n {n}"));
        }
        if let Some((w, _)) = &self.weight {
            s.push(format!("-w {w}"));
        }
        if let Some((d, _)) = &self.skip {
            s.push(format!("-2 {d}"));
        }
        for (on, f) in [
            (self.su, "-u"),
            (self.s_and_su, "-U"),
            (self.stem, "-m"),
            (self.stem_models, "-M"),
            (self.stop_words, "-s"),
            (self.no_lcs, "-x"),
        ] {
            if on {
                s.push(f.to_owned());
            }
        }
        match self.limit {
            Limit::Words(n) => s.push(format!("-l {n}")),
            Limit::Bytes(n) => s.push(format!("-b {n}")),
            Limit::None => {}
        }
        if self.formula == Formula::Best {
            s.push("-f B".to_owned());
        }
        if self.alpha != 0.5 {
            s.push(format!("-p {}", self.alpha));
        }
        match self.counting {
            Counting::Token => s.push("-t 1".to_owned()),
            Counting::Raw => s.push("-t 2".to_owned()),
            Counting::Sentence => {}
        }
        s.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::{OptionError, Options};
    use crate::rouge155::text::Limit;

    #[test]
    fn getopts_clusters_values_and_negative_values() {
        let o = Options::parse(&[
            "-c", "95", "-2", "-1", "-U", "-r", "1000", "-n", "4", "-w", "1.2", "-am", "conf.xml",
        ])
        .unwrap();
        assert!(o.all && o.stem && o.s_and_su);
        assert_eq!(o.skip, Some(("-1".to_owned(), -1.0)));
        assert_eq!(o.max_n, Some(4));
        assert_eq!(o.weight, Some(("1.2".to_owned(), 1.2)));
        assert_eq!(o.system, None);
        let o = Options::parse(&["-n2", "-l", "10", "-z", "SPL", "list.txt"]).unwrap();
        assert_eq!(o.limit, Limit::Words(10));
        assert_eq!(o.system.as_deref(), Some("X"));
        assert!(!o.all);
    }

    #[test]
    fn dataset_mode_options() {
        let o = Options::parse_mode("-c 95 -2 4 -U -r 1000 -n 2 -m").unwrap();
        assert!(o.all && o.stem && o.config.is_empty());
        assert_eq!(o.describe(), "-c 95 -r 1000 -n 2 -2 4 -U -m");
        for bad in ["-n 2 config.xml", "-z SPL", "-n", "-h", "-q"] {
            assert!(Options::parse_mode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_command_lines_are_one_line_errors() {
        for args in [
            vec!["-q", "c.xml", "1"],
            vec!["-l", "10", "-b", "75", "c.xml", "1"],
            vec!["-c", "101", "c.xml", "1"],
            vec!["-w", "0", "c.xml", "1"],
            vec!["-p", "1.5", "c.xml", "1"],
            vec!["-3", "HM", "c.xml", "1"],
            vec!["-n"],
            vec!["c.xml"],
            vec!["-r", "ten", "-a", "c.xml"],
        ] {
            let e: OptionError = Options::parse(&args).unwrap_err();
            assert!(!e.0.contains('\n') && !e.0.is_empty(), "{args:?}: {e}");
        }
    }
}
