namespace Preau.Communication.Publishing;

/// <summary>
/// Publishing forms accept a long text so that an oversized one (10 MB pasted by mistake) reaches the
/// validation and is refused with a French message, the form redisplayed, instead of failing while the
/// form is read (ASP.NET Core's default value limit is 4 MB). Kestrel's 30 MB body limit still applies.
/// </summary>
internal static class FormLimits
{
    public const int TextValueLength = 32 * 1024 * 1024;
}
