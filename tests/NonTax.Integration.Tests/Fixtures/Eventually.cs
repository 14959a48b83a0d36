namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// Polls a condition until it holds. The limit is generous and only bounds a hung test; it is not
/// a timing assertion: the tests assert the condition, never how fast it became true.
/// </summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return await condition();
    }
}
