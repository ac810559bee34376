// CEditLine: the part of libedit's readline emulation that LineEditor uses.
//
// Why a shim and not the bare header:
// - <editline/readline.h> uses FILE without including <stdio.h> first on some systems.
// - glibc hides wcwidth() unless _XOPEN_SOURCE is defined before <wchar.h>; we declare it.
// - Swift 6 strict concurrency rejects direct use of C global variables, so every libedit
//   global LineEditor touches gets a tiny static inline accessor here. libedit itself is
//   single-threaded; LineEditor only calls these from the thread that runs readline().
// - The SIGINT handler and its flag live here, in C, because a signal handler may only
//   touch a volatile sig_atomic_t. IMPORTANT: the flag is a function-local static of a
//   static inline function, so every object file that uses these functions gets its own
//   copy. LineEditor therefore calls the yle_interrupt_* functions from ONE Swift file
//   (Interrupt.swift) only.
#ifndef YUSUAN_CEDITLINE_SHIM_H
#define YUSUAN_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <editline/readline.h>

/// Columns a character takes on a terminal (2 for CJK); -1 for non-printable. Hidden by glibc.
extern int wcwidth(wchar_t c);

// MARK: readline globals

static inline void yle_set_readline_name(const char *name) { rl_readline_name = name; }

static inline void yle_set_attempted_completion_function(rl_completion_func_t *f) {
  rl_attempted_completion_function = f;
}

/// 1 = "the attempted completion function is authoritative": no fallback to filename completion.
static inline void yle_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }

/// The character appended after a single, complete match (0 for none).
static inline void yle_set_completion_append_character(int c) { rl_completion_append_character = c; }

/// Word break characters. libedit keeps the pointer: the string must live forever.
static inline void yle_set_word_break_characters(const char *chars) {
  rl_basic_word_break_characters = chars;
  rl_completer_word_break_characters = (char *)chars;
}

/// Length of the line being edited, in characters (wide characters, not bytes).
///
/// Deliberately no accessor for rl_line_buffer: libedit sets it once, to a conversion buffer that
/// is reallocated the first time a line exceeds 1024 bytes, after which it dangles for the rest of
/// the process. LineEditor rebuilds the line from rl_copy_text() instead (see CompletionPlan).
static inline int yle_line_length(void) { return rl_end; }

/// The function libedit calls to read one input character. Its return value is taken as a
/// wide character (a Unicode scalar under a UTF-8 locale), -1 meaning end of input.
static inline void yle_set_getc_function(int (*f)(FILE *)) { rl_getc_function = f; }

// MARK: stdio (the FILE globals are shared mutable state to Swift 6 too)

/// Writes text to stdout (or stderr) through stdio, in order with libedit's own output, and flushes.
static inline void yle_print(const char *text, int to_standard_error) {
  FILE *stream = to_standard_error ? stderr : stdout;
  fputs(text, stream);
  fflush(stream);
}

// MARK: SIGINT (use from Interrupt.swift only, see above)

static inline volatile sig_atomic_t *yle_interrupt_flag(void) {
  static volatile sig_atomic_t flag = 0;
  return &flag;
}

static inline void yle_interrupt_handler(int signo) {
  (void)signo;
  *yle_interrupt_flag() = 1;
}

/// Installs the SIGINT handler WITHOUT SA_RESTART, so a blocked read() returns EINTR.
/// Saves the previous disposition in *previous. Returns 0 on success.
static inline int yle_interrupt_install(struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = yle_interrupt_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  *yle_interrupt_flag() = 0;
  return sigaction(SIGINT, &action, previous);
}

static inline void yle_interrupt_restore(const struct sigaction *previous) {
  sigaction(SIGINT, previous, NULL);
}

static inline int yle_interrupt_pending(void) { return *yle_interrupt_flag() != 0; }

static inline void yle_interrupt_clear(void) { *yle_interrupt_flag() = 0; }

#endif
