// Makes TorchSharp's libLibTorchSharp.so loadable on a host whose libstdc++ is
// older than the one it was linked against (see docs/troubleshooting.md).
//
// The library needs GLIBCXX_3.4.32 for a single symbol,
// std::ios_base_library_init(). A patched copy:
//   1. references that symbol without a version (patchelf --clear-symbol-version),
//   2. has the shim library that defines it as DT_NEEDED (patchelf --add-needed),
//   3. marks its GLIBCXX_3.4.32 requirement VER_FLG_WEAK, so the loader only
//      warns instead of refusing (done here: patchelf has no option for it).
//
// Commands (exit 0 = success, 1 = answer "no" / failure, 2 = usage error):
//   host-check               does the libstdc++.so.6 this process loads provide
//                            SYMBOL@VERSION? 0 = yes (nothing to patch), 1 = no.
//   check FILE...            0 if every FILE is patched (or never needed VERSION).
//   apply FILE...            patch each FILE in place; leaves patched files untouched.
//   weaken FILE...           only set VER_FLG_WEAK on VERSION's requirement.
// Options: --version V --symbol S --shim SONAME --patchelf PATH

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the patcher reads ELF fields in host byte order and only accepts little-endian files");

namespace {

struct Options {
    std::string version = "GLIBCXX_3.4.32";
    std::string symbol = "_ZSt21ios_base_library_initv";
    std::string shim = "libTorchSharpGlibcxxShim.so";
    std::string patchelf = "patchelf";
};

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Bounds-checked view over an ELF64 little-endian file held in memory.
class Elf {
public:
    explicit Elf(std::vector<unsigned char> bytes) : data_(std::move(bytes)) {
        if (data_.size() < sizeof(Elf64_Ehdr) || std::memcmp(data_.data(), ELFMAG, SELFMAG) != 0)
            throw Error("not an ELF file");
        if (data_[EI_CLASS] != ELFCLASS64) throw Error("not a 64-bit ELF file");
        if (data_[EI_DATA] != ELFDATA2LSB) throw Error("not a little-endian ELF file");
        auto eh = read<Elf64_Ehdr>(0);
        if (eh.e_shoff == 0) throw Error("ELF file has no section headers");
        if (eh.e_shentsize != sizeof(Elf64_Shdr)) throw Error("unexpected section header size");
        // Section count and name-table index may overflow into section 0 (ELF gABI).
        auto first = read<Elf64_Shdr>(eh.e_shoff);
        uint64_t count = eh.e_shnum != 0 ? eh.e_shnum : first.sh_size;
        uint32_t shstrndx = eh.e_shstrndx != SHN_XINDEX ? eh.e_shstrndx : first.sh_link;
        if (count > (data_.size() - eh.e_shoff) / sizeof(Elf64_Shdr)) throw Error("section headers run past end of file");
        for (uint64_t i = 0; i < count; ++i) sections_.push_back(read<Elf64_Shdr>(eh.e_shoff + i * sizeof(Elf64_Shdr)));
        if (shstrndx >= sections_.size()) throw Error("bad section name table index");
        shstrtab_ = shstrndx;
    }

    const std::vector<unsigned char>& bytes() const { return data_; }

    template <typename T>
    T read(uint64_t offset) const {
        if (offset > data_.size() || sizeof(T) > data_.size() - offset) throw Error("read past end of file");
        T value;
        std::memcpy(&value, data_.data() + offset, sizeof(T));
        return value;
    }

    template <typename T>
    T read_in(const Elf64_Shdr& sec, uint64_t offset) const {
        if (offset > sec.sh_size || sizeof(T) > sec.sh_size - offset) throw Error("read past end of section");
        return read<T>(sec.sh_offset + offset);
    }

    // NUL-terminated string at `offset` inside string-table section `index`.
    std::string string_at(uint32_t index, uint64_t offset) const {
        if (index >= sections_.size()) throw Error("bad string table index");
        const auto& sec = sections_[index];
        if (sec.sh_type != SHT_STRTAB) throw Error("linked section is not a string table");
        if (sec.sh_offset > data_.size() || sec.sh_size > data_.size() - sec.sh_offset) throw Error("string table past end of file");
        if (offset >= sec.sh_size) throw Error("string offset past end of string table");
        const char* begin = reinterpret_cast<const char*>(data_.data() + sec.sh_offset + offset);
        const void* nul = std::memchr(begin, 0, sec.sh_size - offset);
        if (nul == nullptr) throw Error("unterminated string");
        return std::string(begin, static_cast<const char*>(nul));
    }

    std::string section_name(const Elf64_Shdr& sec) const { return string_at(shstrtab_, sec.sh_name); }

    const Elf64_Shdr* find_section(const char* name, uint32_t type) const {
        for (const auto& sec : sections_)
            if (sec.sh_type == type && section_name(sec) == name) return &sec;
        return nullptr;
    }

private:
    std::vector<unsigned char> data_;
    std::vector<Elf64_Shdr> sections_;
    uint32_t shstrtab_ = 0;
};

struct VersionNeed {
    uint64_t flags_offset;  // file offset of vna_flags
    uint16_t flags;
    uint16_t index;  // vna_other: the index .gnu.version uses for this version
};

// Walks .gnu.version_r (Verneed entries, each with a chain of Vernaux entries)
// looking for the requirement on `version`.
std::optional<VersionNeed> find_version_need(const Elf& elf, const std::string& version) {
    const Elf64_Shdr* sec = elf.find_section(".gnu.version_r", SHT_GNU_verneed);
    if (sec == nullptr) return std::nullopt;
    uint64_t need_off = 0;
    for (uint32_t i = 0; i < sec->sh_info; ++i) {  // sh_info = number of Verneed entries
        auto need = elf.read_in<Elf64_Verneed>(*sec, need_off);
        if (need.vn_version != VER_NEED_CURRENT) throw Error("unsupported Verneed version");
        uint64_t aux_off = need_off + need.vn_aux;
        for (uint16_t j = 0; j < need.vn_cnt; ++j) {
            auto aux = elf.read_in<Elf64_Vernaux>(*sec, aux_off);
            if (elf.string_at(sec->sh_link, aux.vna_name) == version)
                return VersionNeed{sec->sh_offset + aux_off + offsetof(Elf64_Vernaux, vna_flags), aux.vna_flags, aux.vna_other};
            if (aux.vna_next == 0) break;
            aux_off += aux.vna_next;
        }
        if (need.vn_next == 0) break;
        need_off += need.vn_next;
    }
    return std::nullopt;
}

bool has_needed(const Elf& elf, const std::string& soname) {
    const Elf64_Shdr* sec = elf.find_section(".dynamic", SHT_DYNAMIC);
    if (sec == nullptr) throw Error("no .dynamic section");
    for (uint64_t off = 0; off + sizeof(Elf64_Dyn) <= sec->sh_size; off += sizeof(Elf64_Dyn)) {
        auto dyn = elf.read_in<Elf64_Dyn>(*sec, off);
        if (dyn.d_tag == DT_NULL) break;
        if (dyn.d_tag == DT_NEEDED && elf.string_at(sec->sh_link, dyn.d_un.d_val) == soname) return true;
    }
    return false;
}

// True while an undefined dynamic symbol `symbol` still carries version index `index`.
bool symbol_has_version(const Elf& elf, const std::string& symbol, uint16_t index) {
    const Elf64_Shdr* dynsym = elf.find_section(".dynsym", SHT_DYNSYM);
    const Elf64_Shdr* versym = elf.find_section(".gnu.version", SHT_GNU_versym);
    if (dynsym == nullptr || versym == nullptr) return false;
    uint64_t count = dynsym->sh_size / sizeof(Elf64_Sym);
    for (uint64_t i = 0; i < count; ++i) {
        auto sym = elf.read_in<Elf64_Sym>(*dynsym, i * sizeof(Elf64_Sym));
        if (sym.st_shndx != SHN_UNDEF || sym.st_name == 0) continue;
        if (elf.string_at(dynsym->sh_link, sym.st_name) != symbol) continue;
        auto ver = elf.read_in<Elf64_Versym>(*versym, i * sizeof(Elf64_Versym));
        if ((ver & 0x7fff) == index) return true;  // bit 15 is the "hidden" flag
    }
    return false;
}

struct Status {
    bool applicable = false;  // the file requires the version at all
    bool weak = false;
    bool needs_shim = false;
    bool symbol_versioned = false;
    bool patched() const { return !applicable || (weak && !needs_shim && !symbol_versioned); }
};

Status status_of(const std::string& path, const Options& opt) {
    Elf elf(read_file(path));
    Status st;
    auto need = find_version_need(elf, opt.version);
    if (!need) return st;
    st.applicable = true;
    st.weak = (need->flags & VER_FLG_WEAK) != 0;
    st.needs_shim = !has_needed(elf, opt.shim);
    st.symbol_versioned = symbol_has_version(elf, opt.symbol, need->index);
    return st;
}

// Sets VER_FLG_WEAK on the requirement; writes two bytes, and only when needed.
bool weaken(const std::string& path, const Options& opt) {
    Elf elf(read_file(path));
    auto need = find_version_need(elf, opt.version);
    if (!need || (need->flags & VER_FLG_WEAK) != 0) return false;
    uint16_t flags = need->flags | VER_FLG_WEAK;
    std::fstream out(path, std::ios::binary | std::ios::in | std::ios::out);
    if (!out) throw Error("cannot open " + path + " for writing");
    out.seekp(static_cast<std::streamoff>(need->flags_offset));
    out.write(reinterpret_cast<const char*>(&flags), sizeof(flags));
    out.flush();
    if (!out) throw Error("cannot write " + path);
    return true;
}

void run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
    if (rc != 0) throw Error("cannot run " + args[0] + ": " + std::strerror(rc) + " (install it: apt-get install -y patchelf)");
    int wstatus = 0;
    if (waitpid(pid, &wstatus, 0) < 0) throw Error("waitpid failed");
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        std::string cmd;
        for (const auto& a : args) cmd += (cmd.empty() ? "" : " ") + a;
        throw Error("command failed: " + cmd);
    }
}

std::string describe(const Status& st) {
    if (!st.applicable) return "does not require the version";
    if (st.patched()) return "patched";
    std::string s = "unpatched (";
    s += st.weak ? "" : "requirement not weak; ";
    s += st.needs_shim ? "shim not NEEDED; " : "";
    s += st.symbol_versioned ? "symbol still versioned; " : "";
    s.resize(s.size() - 2);
    return s + ")";
}

void apply(const std::string& path, const Options& opt) {
    Status st = status_of(path, opt);
    if (st.patched()) {
        std::printf("%s: %s, left unchanged\n", path.c_str(), describe(st).c_str());
        return;
    }
    // Each step runs only if not done yet, so a half-patched file is finished, not doubled.
    std::vector<std::string> cmd{opt.patchelf};
    if (st.symbol_versioned) cmd.insert(cmd.end(), {"--clear-symbol-version", opt.symbol});
    if (st.needs_shim) cmd.insert(cmd.end(), {"--add-needed", opt.shim});
    if (cmd.size() > 1) {
        cmd.push_back(path);
        run(cmd);
    }
    weaken(path, opt);
    st = status_of(path, opt);
    if (!st.patched()) throw Error(path + ": still " + describe(st) + " after patching");
    std::printf("%s: patched (%s weak, %s unversioned, %s NEEDED)\n", path.c_str(), opt.version.c_str(),
                opt.symbol.c_str(), opt.shim.c_str());
}

// Asks the dynamic loader, so the answer is about the libstdc++ a process here really gets.
bool host_provides(const Options& opt) {
    void* lib = dlopen("libstdc++.so.6", RTLD_NOW);
    if (lib == nullptr) throw Error(std::string("cannot load libstdc++.so.6: ") + dlerror());
    link_map* map = nullptr;
    const char* where = dlinfo(lib, RTLD_DI_LINKMAP, &map) == 0 && map != nullptr ? map->l_name : "libstdc++.so.6";
    bool found = dlvsym(lib, opt.symbol.c_str(), opt.version.c_str()) != nullptr;
    std::printf("%s %s %s@%s\n", where, found ? "provides" : "lacks", opt.symbol.c_str(), opt.version.c_str());
    return found;
}

int usage() {
    std::fprintf(stderr,
                 "usage: elf_glibcxx_patcher host-check|check|apply|weaken [FILE...]\n"
                 "       [--version V] [--symbol S] [--shim SONAME] [--patchelf PATH]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string command = argv[1];
    Options opt;
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw Error("missing value for " + arg);
            return argv[++i];
        };
        try {
            if (arg == "--version") opt.version = value();
            else if (arg == "--symbol") opt.symbol = value();
            else if (arg == "--shim") opt.shim = value();
            else if (arg == "--patchelf") opt.patchelf = value();
            else if (arg.rfind("--", 0) == 0) return usage();
            else files.push_back(arg);
        } catch (const Error& e) {
            std::fprintf(stderr, "error: %s\n", e.what());
            return usage();
        }
    }
    try {
        if (command == "host-check") return host_provides(opt) ? 0 : 1;
        if (files.empty()) return usage();
        if (command == "check") {
            bool all = true;
            for (const auto& f : files) {
                Status st = status_of(f, opt);
                std::printf("%s: %s\n", f.c_str(), describe(st).c_str());
                all = all && st.patched();
            }
            return all ? 0 : 1;
        }
        if (command == "apply") {
            for (const auto& f : files) apply(f, opt);
            return 0;
        }
        if (command == "weaken") {
            for (const auto& f : files)
                std::printf("%s: %s\n", f.c_str(), weaken(f, opt) ? "requirement made weak" : "left unchanged");
            return 0;
        }
        return usage();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
