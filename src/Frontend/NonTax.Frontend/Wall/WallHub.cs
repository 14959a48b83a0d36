using Microsoft.AspNetCore.SignalR;

namespace NonTax.Frontend.Wall;

/// <summary>
/// The monitoring wall's SignalR hub: a screen that connects gets the current snapshot at once,
/// then every new one as <see cref="WallFeed"/> pushes it (no polling by the browser).
/// </summary>
public sealed class WallHub(WallFeed feed) : Hub
{
    public const string SnapshotMethod = "snapshot";

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync(SnapshotMethod, await feed.CurrentAsync(Context.ConnectionAborted));
        await base.OnConnectedAsync();
    }
}
