// The parts of libedit that LineEditor uses: the editline(3) interface and its history.
// el_set, el_get and history are variadic, which Swift cannot call, so each use gets a
// small fixed-signature wrapper here.
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <histedit.h>

typedef char *(*embedlings_prompt_function)(EditLine *);
typedef unsigned char (*embedlings_key_function)(EditLine *, int);

static inline EditLine *embedlings_el_open(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int embedlings_el_set_prompt(EditLine *el, embedlings_prompt_function function) {
    return el_set(el, EL_PROMPT, function);
}

static inline int embedlings_el_set_editor(EditLine *el, const char *editor) {
    return el_set(el, EL_EDITOR, editor);
}

static inline int embedlings_el_set_signal_handling(EditLine *el, int enabled) {
    return el_set(el, EL_SIGNAL, enabled);
}

/// Turns off the terminal's own signal keys while editing, so Ctrl-C arrives as a key.
static inline int embedlings_el_disable_tty_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}

static inline int embedlings_el_add_function(EditLine *el, const char *name, const char *help, embedlings_key_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int embedlings_el_bind(EditLine *el, const char *key, const char *function_name) {
    return el_set(el, EL_BIND, key, function_name, NULL);
}

static inline int embedlings_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *embedlings_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline History *embedlings_history_open(int size) {
    History *history_handle = history_init();
    if (history_handle == NULL) return NULL;
    HistEvent event;
    history(history_handle, &event, H_SETSIZE, size);
    history(history_handle, &event, H_SETUNIQUE, 1);
    return history_handle;
}

static inline int embedlings_el_use_history(EditLine *el, History *history_handle) {
    return el_set(el, EL_HIST, history, history_handle);
}

static inline int embedlings_history_enter(History *history_handle, const char *line) {
    HistEvent event;
    return history(history_handle, &event, H_ENTER, line);
}

static inline int embedlings_history_load(History *history_handle, const char *path) {
    HistEvent event;
    return history(history_handle, &event, H_LOAD, path);
}

static inline int embedlings_history_save(History *history_handle, const char *path) {
    HistEvent event;
    return history(history_handle, &event, H_SAVE, path);
}

/// The terminal's width in columns, or 0 when `fd` is not a terminal or does not say.
static inline int embedlings_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
