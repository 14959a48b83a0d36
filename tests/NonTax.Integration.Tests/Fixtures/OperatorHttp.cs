using System.Net.Http.Headers;
using NonTax.Silo.Operations;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// A client of a test silo's operator API as staff automation meets it: the operations port on
/// loopback, the operator token as bearer, and the name the audit trail records for each call.
/// </summary>
internal static class OperatorHttp
{
    public static HttpClient Create(int operationsPort, string operatorToken, string? operatorName = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{operationsPort}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        if (operatorName is not null)
        {
            client.DefaultRequestHeaders.Add(OperatorName.Header, operatorName);
        }

        return client;
    }
}
