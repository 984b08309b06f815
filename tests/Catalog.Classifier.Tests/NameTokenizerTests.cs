using Catalog.Classifier.Signals;

namespace Catalog.Classifier.Tests;

public sealed class NameTokenizerTests
{
    [Theory]
    [InlineData("identity_create_api_key_provider", "identity create api key provider")]
    [InlineData("createAPIKey", "create api key")]
    [InlineData("API-delete-a-block", "api delete a block")]
    [InlineData("policies.remove", "policies remove")]
    [InlineData("VPS_recreateVirtualMachineV1", "vps recreate virtual machine v1")]
    [InlineData("transfer_erc20", "transfer erc20")]
    public void Identifiers_split_into_lower_case_words(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameTokenizer.Split(name)));
}
