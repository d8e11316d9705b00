using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Bench.BlastMemory;

/// <summary>
/// <c>generate &lt;path&gt; &lt;MB&gt;</c> writes an NCBI BLAST+ XML file (query 8ovp_A) of about that size, its one hit of
/// interest (2ia4 B) last; <c>read &lt;path&gt; all|summary</c> reads it once in this fresh process and prints the
/// alignments kept, seconds and peak working set. <c>all</c> keeps every hit's alignment (the reader alone);
/// <c>summary</c> keeps only the summary's chain hits, as the partition runner does. Built against an older engine
/// (bench/blast-memory --before), only <c>all</c> exists, through the older Read(path).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "generate") return Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        if (args.Length == 3 && args[0] == "read") return Read(args[1], args[2]);
        Console.Error.WriteLine("usage: generate <path> <MB> | read <path> all|summary");
        return 2;
    }

    private static int Generate(string path, int megabytes)
    {
        var random = new Random(11);
        const string Residues = "ACDEFGHIKLMNPQRSTVWY";
        string Sequence(int n) => string.Create(n, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = Residues[r.Next(Residues.Length)]; });
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("""
            <?xml version="1.0"?>
            <!DOCTYPE BlastOutput PUBLIC "-//NCBI//NCBI BlastOutput/EN" "http://www.ncbi.nlm.nih.gov/dtd/NCBI_BlastOutput.dtd">
            <BlastOutput>
              <BlastOutput_program>blastp</BlastOutput_program>
              <BlastOutput_version>BLASTP 2.12.0+</BlastOutput_version>
              <BlastOutput_db>chainwise100.develop291</BlastOutput_db>
              <BlastOutput_query-ID>Query_1</BlastOutput_query-ID>
              <BlastOutput_query-def>8ovp_A</BlastOutput_query-def>
              <BlastOutput_query-len>1200</BlastOutput_query-len>
              <BlastOutput_iterations>
                <Iteration>
                  <Iteration_iter-num>1</Iteration_iter-num>
                  <Iteration_query-ID>Query_1</Iteration_query-ID>
                  <Iteration_query-def>8ovp_A</Iteration_query-def>
                  <Iteration_query-len>1200</Iteration_query-len>
                  <Iteration_hits>

            """);
        var limit = (long)megabytes * 1024 * 1024;
        var hits = 0;
        while (w.BaseStream.Length < limit)
        {
            var last = w.BaseStream.Length + 8000 >= limit;
            var def = last ? "2ia4 B" : $"{1 + hits % 9}{Base36(hits / 9)} A";
            var q = Sequence(1000);
            WriteHit(w, ++hits, def, q, Sequence(1000));
            w.Flush();
        }
        w.Write("      </Iteration_hits>\n    </Iteration>\n  </BlastOutput_iterations>\n</BlastOutput>\n");
        w.Flush();
        Console.WriteLine($"hits: {hits}");
        Console.WriteLine($"file MB: {w.BaseStream.Length / (1024.0 * 1024.0):0.0}");
        return 0;
    }

    private static void WriteHit(StreamWriter w, int n, string def, string q, string h) => w.Write(string.Create(CultureInfo.InvariantCulture, $"""
                <Hit>
                  <Hit_num>{n}</Hit_num>
                  <Hit_id>gnl|BL_ORD_ID|{n}</Hit_id>
                  <Hit_def>{def}</Hit_def>
                  <Hit_accession>{n}</Hit_accession>
                  <Hit_len>1000</Hit_len>
                  <Hit_hsps>
                    <Hsp>
                      <Hsp_num>1</Hsp_num>
                      <Hsp_bit-score>412.5</Hsp_bit-score>
                      <Hsp_score>1060</Hsp_score>
                      <Hsp_evalue>1.2e-50</Hsp_evalue>
                      <Hsp_query-from>101</Hsp_query-from>
                      <Hsp_query-to>1100</Hsp_query-to>
                      <Hsp_hit-from>1</Hsp_hit-from>
                      <Hsp_hit-to>1000</Hsp_hit-to>
                      <Hsp_query-frame>0</Hsp_query-frame>
                      <Hsp_hit-frame>0</Hsp_hit-frame>
                      <Hsp_identity>600</Hsp_identity>
                      <Hsp_positive>700</Hsp_positive>
                      <Hsp_gaps>0</Hsp_gaps>
                      <Hsp_align-len>1000</Hsp_align-len>
                      <Hsp_qseq>{q}</Hsp_qseq>
                      <Hsp_hseq>{h}</Hsp_hseq>
                      <Hsp_midline>{q}</Hsp_midline>
                    </Hsp>
                  </Hit_hsps>
                </Hit>

        """));

    private static string Base36(int value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        return string.Concat(Digits[value / 1296 % 36], Digits[value / 36 % 36], Digits[value % 36]);
    }

    private static int Read(string path, string mode)
    {
        var clock = Stopwatch.StartNew();
        var read = typeof(BlastXmlReader).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == "Read");
        object? result;
        if (read.GetParameters().Length == 1)
        {
            if (mode != "all") { Console.Error.WriteLine("this engine's reader has no filter: only 'all'"); return 2; }
            result = read.Invoke(null, [path]);
        }
        else
        {
            HashSet<string>? wanted = mode == "summary" ? ["2ia4_B"] : null;
            result = read.Invoke(null, [path, ProteinId.Parse("8ovp_A"), wanted, CancellationToken.None]);
        }
        clock.Stop();
        var alignments = result as ICollection ?? (ICollection)result!.GetType().GetProperty("Alignments")!.GetValue(result)!;
        Console.WriteLine($"alignments kept: {alignments.Count}");
        Console.WriteLine($"seconds: {clock.Elapsed.TotalSeconds:0.00}");
        Console.WriteLine($"peak working set MB: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0}");
        return 0;
    }
}
