/* The app of the musl-only test image: leaves 200 orphans to PID 1, waits until they are gone, prints "ready",
 * and on SIGTERM reports the zombies it can see and exits 42. Linked dynamically against musl. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t term;

static void on_term(int signal) {
    (void) signal;
    term = 1;
}

/* Counts the processes other than PID 1 and this one; *zombies gets those in state Z. */
static int others(int *zombies) {
    DIR *proc = opendir("/proc");
    struct dirent *entry;
    char path[64], stat[512];
    int total = 0;
    *zombies = 0;
    while ((entry = readdir(proc)) != NULL) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') {
            continue;
        }
        int pid = 0;
        sscanf(entry->d_name, "%d", &pid);
        if (pid == 1 || pid == getpid()) {
            continue;
        }
        snprintf(path, sizeof path, "/proc/%s/stat", entry->d_name);
        FILE *file = fopen(path, "r");
        if (file == NULL) {
            continue;
        }
        size_t n = fread(stat, 1, sizeof stat - 1, file);
        fclose(file);
        stat[n] = 0;
        char *end = strrchr(stat, ')');
        total++;
        if (end != NULL && end[2] == 'Z') {
            (*zombies)++;
        }
    }
    closedir(proc);
    return total;
}

int main(void) {
    sigset_t term_set, empty;
    sigemptyset(&term_set);
    sigaddset(&term_set, SIGTERM);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &term_set, NULL);
    signal(SIGTERM, on_term);

    for (int i = 0; i < 200; i++) {
        pid_t child = fork();
        if (child == 0) {
            if (fork() == 0) {
                usleep(50000);
                _exit(0);
            }
            _exit(0);
        }
        waitpid(child, NULL, 0);
    }
    int zombies;
    struct timespec tick = {0, 20000000};
    for (int i = 0; i < 1000 && others(&zombies) > 0; i++) {
        nanosleep(&tick, NULL);
    }
    printf("ready, left=%d\n", others(&zombies));
    fflush(stdout);
    while (!term) {
        sigsuspend(&empty);
    }
    others(&zombies);
    printf("app got TERM, zombies=%d\n", zombies);
    fflush(stdout);
    return 42;
}
