using NonTax.EBills.Rendering;

namespace NonTax.Frontend.EBills;

/// <summary>
/// Checks the bill face font when the frontend starts: a missing or unusable font is a critical
/// log line naming the file and the package, while everything else (the signed XML included)
/// keeps working; a PDF asked for meanwhile is answered 503 with the same reason.
/// </summary>
public sealed partial class BillFaceFontCheck(BillFacePdf pdf, ILogger<BillFaceFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            pdf.Renderer();
        }
        catch (BillFaceFontException e)
        {
            FontUnusable(logger, e.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "E-bill faces (PDF) cannot be rendered: {Reason}")]
    private static partial void FontUnusable(ILogger logger, string reason);
}
