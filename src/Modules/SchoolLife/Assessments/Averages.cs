namespace Preau.SchoolLife.Assessments;

/// <summary>One mark as averages see it: on its scale, with the assessment's coefficient.</summary>
internal sealed record WeightedMark(MarkStatus Status, decimal? Value, decimal Scale, decimal Coefficient);

/// <summary>The class's lowest, highest and mean value of something (an assessment's marks, a subject's averages).</summary>
internal sealed record ClassSpread(decimal Minimum, decimal Maximum, decimal Average);

/// <summary>
/// How averages are computed (docs/assessments.md, "Rounding"):
/// <list type="number">
/// <item>Only graded marks count: absent, exempt and not graded are left out of both sums.</item>
/// <item>Each mark is brought to /20 (value × 20 ÷ scale), then weighted by its assessment's coefficient.</item>
/// <item>A subject's average is Σ(mark/20 × coefficient) ÷ Σ coefficients, over the period.</item>
/// <item>The general average is the plain mean of the subject averages (every subject weighs the same).</item>
/// <item>The class's minimum, maximum and average are taken over its pupils' averages (pupils without one are left out).</item>
/// <item>Computations keep full decimal precision; only what is shown is rounded, to two decimals, half up (12.345 → 12.35).</item>
/// </list>
/// </summary>
internal static class Averages
{
    /// <summary>Averages are shown out of 20.</summary>
    public const decimal Base = 20m;

    /// <summary>Rounds for display: two decimals, half up (marks are never negative, so away from zero is half up).</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A mark brought to /20.</summary>
    public static decimal OutOfTwenty(decimal value, decimal scale) => value * Base / scale;

    /// <summary>The weighted average /20 of the marks that count, unrounded; null when none counts.</summary>
    public static decimal? SubjectAverage(IEnumerable<WeightedMark> marks)
    {
        decimal weighted = 0, coefficients = 0;
        foreach (var mark in marks)
        {
            if (!Counts(mark))
            {
                continue;
            }

            weighted += OutOfTwenty(mark.Value!.Value, mark.Scale) * mark.Coefficient;
            coefficients += mark.Coefficient;
        }

        return coefficients == 0 ? null : weighted / coefficients;
    }

    /// <summary>The plain mean of the subject averages that exist, unrounded; null when there is none.</summary>
    public static decimal? GeneralAverage(IEnumerable<decimal?> subjectAverages)
    {
        var present = subjectAverages.Where(a => a.HasValue).Select(a => a!.Value).ToList();
        return present.Count == 0 ? null : present.Sum() / present.Count;
    }

    /// <summary>The class's spread over values that exist, unrounded; null when there is none.</summary>
    public static ClassSpread? Spread(IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : new ClassSpread(present.Min(), present.Max(), present.Sum() / present.Count);
    }

    /// <summary>Whether a mark enters averages: graded, with a value, with a positive coefficient.</summary>
    public static bool Counts(WeightedMark mark) =>
        mark.Status == MarkStatus.Graded && mark.Value.HasValue && mark.Scale > 0 && mark.Coefficient > 0;

    /// <summary>The error of a typed mark, or null when it fits the scale (0 to the scale, two decimals at most).</summary>
    public static string? CheckValue(decimal value, decimal scale) =>
        value < 0 ? Platform.Localization.Text.Fr("Une note ne peut pas être négative.")
        : value > scale ? Platform.Localization.Text.Fr("Une note ne peut pas dépasser le barème.")
        : decimal.Round(value, 2) != value ? Platform.Localization.Text.Fr("Une note a au plus deux décimales.")
        : null;
}
