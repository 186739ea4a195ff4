// A FUSE file system of one 1 GiB file of zeros that does no work: the ceiling of one large read through FUSE here (src/jmh/fuse-ceiling/run.sh).
#define FUSE_USE_VERSION 31
#include <fuse.h>
#include <string.h>
#include <errno.h>
static const long SIZE = 1L << 30;
static char zeros[1 << 20];
static int z_getattr(const char *p, struct stat *st, struct fuse_file_info *fi) {
  memset(st, 0, sizeof *st);
  if (!strcmp(p, "/")) { st->st_mode = S_IFDIR | 0555; st->st_nlink = 2; return 0; }
  if (!strcmp(p, "/zero")) { st->st_mode = S_IFREG | 0444; st->st_nlink = 1; st->st_size = SIZE; return 0; }
  return -ENOENT;
}
static int z_readdir(const char *p, void *buf, fuse_fill_dir_t fill, off_t o, struct fuse_file_info *fi, enum fuse_readdir_flags f) {
  fill(buf, ".", NULL, 0, 0); fill(buf, "..", NULL, 0, 0); fill(buf, "zero", NULL, 0, 0); return 0;
}
static int z_open(const char *p, struct fuse_file_info *fi) { return strcmp(p, "/zero") ? -ENOENT : 0; }
static int z_read(const char *p, char *buf, size_t n, off_t o, struct fuse_file_info *fi) {
  if (o >= SIZE) return 0;
  if (o + (long) n > SIZE) n = SIZE - o;
  size_t done = 0;
  while (done < n) { size_t k = n - done > sizeof zeros ? sizeof zeros : n - done; memcpy(buf + done, zeros, k); done += k; }
  return n;
}
static const struct fuse_operations ops = { .getattr = z_getattr, .readdir = z_readdir, .open = z_open, .read = z_read };
int main(int argc, char *argv[]) { return fuse_main(argc, argv, &ops, NULL); }
