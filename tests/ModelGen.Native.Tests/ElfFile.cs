using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ModelGen.Native.Tests;

/// <summary>
/// Reads the few dynamic-linking facts of an ELF64 little-endian shared library the
/// tests check. Written independently of the build's C++ patcher so it can check it.
/// </summary>
internal sealed class ElfFile
{
    private const uint ShtDynamic = 6;
    private const uint ShtStrtab = 3;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const long DtNeeded = 1;
    public const ushort VerFlgWeak = 0x2;

    private readonly byte[] _data;
    private readonly List<Section> _sections = new();

    private readonly record struct Section(string Name, uint Type, ulong Offset, ulong Size, uint Link, uint Info);

    public ElfFile(string path)
    {
        _data = File.ReadAllBytes(path);
        if (_data.Length < 64 || _data[0] != 0x7f || _data[1] != (byte)'E' || _data[2] != (byte)'L' || _data[3] != (byte)'F')
            throw new InvalidDataException($"{path} is not an ELF file");
        if (_data[4] != 2 || _data[5] != 1)
            throw new InvalidDataException($"{path} is not ELF64 little-endian");
        ulong shoff = U64(40);
        int shnum = U16(60);
        int shstrndx = U16(62);
        var raw = new List<(uint Name, uint Type, ulong Offset, ulong Size, uint Link, uint Info)>();
        for (int i = 0; i < shnum; i++)
        {
            ulong h = shoff + (ulong)i * 64;
            raw.Add((U32(h), U32(h + 4), U64(h + 24), U64(h + 32), U32(h + 40), U32(h + 44)));
        }
        var names = raw[shstrndx];
        foreach (var s in raw)
            _sections.Add(new Section(CString(names.Offset + s.Name), s.Type, s.Offset, s.Size, s.Link, s.Info));
    }

    /// <summary>vna_flags of the requirement on <paramref name="version"/>, or null if not required.</summary>
    public ushort? VersionNeedFlags(string version)
    {
        var sec = Find(".gnu.version_r", ShtGnuVerneed);
        ulong need = sec.Offset;
        for (uint i = 0; i < sec.Info; i++)
        {
            int cnt = U16(need + 2);
            ulong aux = need + U32(need + 8);
            for (int j = 0; j < cnt; j++)
            {
                if (CString(_sections[(int)sec.Link].Offset + U32(aux + 8)) == version)
                    return U16(aux + 4);
                aux += U32(aux + 12);
            }
            need += U32(need + 12);
        }
        return null;
    }

    public IReadOnlyList<string> Needed()
    {
        var dyn = Find(".dynamic", ShtDynamic);
        var strtab = _sections[(int)dyn.Link];
        if (strtab.Type != ShtStrtab) throw new InvalidDataException(".dynamic does not link to a string table");
        var result = new List<string>();
        for (ulong off = dyn.Offset; off + 16 <= dyn.Offset + dyn.Size; off += 16)
        {
            long tag = (long)U64(off);
            if (tag == 0) break;
            if (tag == DtNeeded) result.Add(CString(strtab.Offset + U64(off + 8)));
        }
        return result;
    }

    private Section Find(string name, uint type)
    {
        foreach (var s in _sections)
            if (s.Name == name && s.Type == type) return s;
        throw new InvalidDataException($"no {name} section");
    }

    private ushort U16(ulong at) => BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(checked((int)at), 2));
    private uint U32(ulong at) => BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(checked((int)at), 4));
    private ulong U64(ulong at) => BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(checked((int)at), 8));

    private string CString(ulong at)
    {
        int start = checked((int)at);
        int end = Array.IndexOf(_data, (byte)0, start);
        if (end < 0) throw new InvalidDataException("unterminated string");
        return Encoding.ASCII.GetString(_data, start, end - start);
    }
}
