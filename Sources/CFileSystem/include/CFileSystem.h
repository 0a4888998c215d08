#ifndef HANDBOOK_CFILESYSTEM_H
#define HANDBOOK_CFILESYSTEM_H

/// Atomically exchanges two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or an errno value (ENOSYS or EINVAL where the kernel or
/// file system cannot exchange, so the caller can fall back to two renames).
int handbook_exchange_paths(const char *first, const char *second);

#endif
