namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/notices/{payCode}/void</c>.</summary>
public sealed record NoticeVoidRequest(string Reason);
