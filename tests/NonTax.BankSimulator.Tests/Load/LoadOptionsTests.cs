using NonTax.BankSimulator.Load;

namespace NonTax.BankSimulator.Tests.Load;

public sealed class LoadOptionsTests
{
    [Fact]
    public void A_mix_is_read_as_weights_per_operation()
    {
        var mix = LoadOptions.ParseMix("confirm=4, duplicate=1,query=0");

        Assert.Equal(4, mix[LoadOperation.Confirm]);
        Assert.Equal(1, mix[LoadOperation.Duplicate]);
        Assert.Equal(0, mix[LoadOperation.Query]);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("pay=1")]
    [InlineData("confirm=-1")]
    [InlineData("confirm=0")]
    public void A_mix_without_a_positive_known_weight_is_refused(string text)
    {
        Assert.Throws<ArgumentException>(() => LoadOptions.ParseMix(text));
    }

    [Fact]
    public void A_rate_makes_the_loop_open()
    {
        var options = LoadOptions.From(new SimulatorArguments(["load", "--profile", "confirm", "--rate", "250", "--connections", "persistent"]));

        Assert.Equal(250, options.Rate);
        Assert.True(options.Persistent);
        Assert.Equal([LoadOperation.Confirm], options.Mix.Keys);
    }
}
