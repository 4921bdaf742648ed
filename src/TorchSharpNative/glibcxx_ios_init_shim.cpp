// Stand-in for std::ios_base_library_init(), which libstdc++ only exports from
// GLIBCXX_3.4.32 (GCC 13) on. Code compiled with GCC 13+ calls it once to set up
// the standard streams, where older compilers emitted a static ios_base::Init per
// translation unit; constructing one Init here does the same job on an older
// libstdc++. Linked into patched copies of libLibTorchSharp.so only
// (see elf_glibcxx_patcher.cpp and docs/troubleshooting.md).
#include <ios>

namespace std {
void ios_base_library_init() {
    static ios_base::Init init;
}
}  // namespace std
