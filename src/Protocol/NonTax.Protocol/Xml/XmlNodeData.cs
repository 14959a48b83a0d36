namespace NonTax.Protocol.Xml;

/// <summary>A parsed element: name, attributes, trimmed text (leaves) and child elements.</summary>
internal sealed record XmlNodeData(
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    string Text,
    IReadOnlyList<XmlNodeData> Children)
{
    public XmlNodeData? Child(string name) => Children.FirstOrDefault(c => c.Name == name);
}
