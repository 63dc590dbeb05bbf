namespace Preau.Identity.Imports;

/// <summary>
/// How far an analysis or an application has got: lines read, then changes written. The readers and
/// writers only count; whoever runs the import copies the numbers to the <see cref="ImportRun"/> row
/// every second or so (so the page can show them), never once per line.
/// </summary>
internal sealed class ImportProgress
{
    private int _processed;
    private int _total;

    public int Processed => Volatile.Read(ref _processed);

    public int Total => Volatile.Read(ref _total);

    /// <summary>Starts counting a new step of <paramref name="total"/> units (lines, or changes to write).</summary>
    public void Restart(int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _processed, 0);
    }

    public void LineRead() => Interlocked.Increment(ref _processed);

    public void Advance(int count) => Interlocked.Add(ref _processed, count);
}
