// A FUSE file system of 200 folders of 100 files of 16 KiB zeros that does no work: the ceiling of reading many small files through FUSE here (run.sh).
#define FUSE_USE_VERSION 31
#include <fuse.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
static const long SIZE = 16384;
static char zeros[16384];
static int kind(const char *p) { int d, f; char c;
  if (!strcmp(p, "/")) return 0;
  if (sscanf(p, "/d%d%c", &d, &c) == 1 && d >= 0 && d < 200) return 1;
  if (sscanf(p, "/d%d/f%d%c", &d, &f, &c) == 2 && d >= 0 && d < 200 && f >= 0 && f < 100) return 2;
  return -1; }
static int g(const char *p, struct stat *st, struct fuse_file_info *fi) {
  memset(st, 0, sizeof *st); int k = kind(p);
  if (k < 0) return -ENOENT;
  if (k < 2) { st->st_mode = S_IFDIR | 0555; st->st_nlink = 2; return 0; }
  st->st_mode = S_IFREG | 0444; st->st_nlink = 1; st->st_size = SIZE; return 0; }
static int rd(const char *p, void *buf, fuse_fill_dir_t fill, off_t o, struct fuse_file_info *fi, enum fuse_readdir_flags f) {
  char n[32]; int k = kind(p); if (k < 0 || k == 2) return -ENOTDIR;
  fill(buf, ".", NULL, 0, 0); fill(buf, "..", NULL, 0, 0);
  for (int i = 0; i < (k == 0 ? 200 : 100); i++) { snprintf(n, sizeof n, k == 0 ? "d%d" : "f%d", i); fill(buf, n, NULL, 0, 0); }
  return 0; }
static int op(const char *p, struct fuse_file_info *fi) { return kind(p) == 2 ? 0 : -ENOENT; }
static int r(const char *p, char *buf, size_t n, off_t o, struct fuse_file_info *fi) {
  if (o >= SIZE) return 0; if (o + (long) n > SIZE) n = SIZE - o; memcpy(buf, zeros, n); return n; }
static const struct fuse_operations ops = { .getattr = g, .readdir = rd, .open = op, .read = r };
int main(int argc, char *argv[]) { return fuse_main(argc, argv, &ops, NULL); }
