namespace NonTax.Grains.Hosting;

/// <summary>Configuration section <c>BaseDataPublishing</c>.</summary>
public sealed class BaseDataPublishingOptions
{
    public const string Section = "BaseDataPublishing";

    /// <summary>Quiet period after a base-data change before the push, so a burst of edits yields one push.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(3);
}
