using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class TagRuleTests
{
    [Theory]
    [InlineData("create_api_key")]
    [InlineData("rotateClientSecret")]
    [InlineData("reset-password")]
    [InlineData("get_access_token")]
    public void Keys_secrets_tokens_and_passwords_are_credentials(string name) =>
        Assert.Contains(CapabilityTags.Credentials, Classify(name).Tags);

    [Theory]
    [InlineData("get_auth_status")]
    [InlineData("transfer_erc20_token")]
    [InlineData("count_tokens")]
    public void Auth_words_crypto_tokens_and_model_tokens_are_not_credentials(string name) =>
        Assert.DoesNotContain(CapabilityTags.Credentials, Classify(name).Tags);

    [Theory]
    [InlineData("pay_invoice")]
    [InlineData("refund_charge")]
    [InlineData("place_market_order")]
    [InlineData("withdraw_funds")]
    public void Moving_money_is_destructive_and_financial(string name)
    {
        var c = Classify(name);
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Contains(CapabilityTags.Financial, c.Tags);
    }

    [Theory]
    [InlineData("get_price")]
    [InlineData("list_payments")]
    [InlineData("get_wallet_balance")]
    public void Reading_about_money_is_not_financial(string name) =>
        Assert.DoesNotContain(CapabilityTags.Financial, Classify(name).Tags);

    [Theory]
    [InlineData("send_email")]
    [InlineData("post_channel_message")]
    [InlineData("reply_to_thread")]
    public void Sending_to_people_is_a_write_with_external_communication(string name)
    {
        var c = Classify(name);
        Assert.Equal(Category.Write, c.Category);
        Assert.Contains(CapabilityTags.ExternalCommunication, c.Tags);
    }

    [Theory]
    [InlineData("go_forward")]
    [InlineData("create_reply_draft")]
    [InlineData("list_messages")]
    public void Navigating_drafting_and_reading_messages_reach_nobody(string name) =>
        Assert.DoesNotContain(CapabilityTags.ExternalCommunication, Classify(name).Tags);

    [Theory]
    [InlineData("grant_permission")]
    [InlineData("assign_role")]
    [InlineData("updateAccessGroup")]
    public void Roles_and_permissions_are_identity_access(string name) =>
        Assert.Contains(CapabilityTags.IdentityAccess, Classify(name).Tags);

    [Fact]
    public void A_fetch_with_a_url_reaches_the_open_world_and_stays_read()
    {
        var c = Classify("fetch_page", "Fetch a web page and return it as markdown.", Props("url"));
        Assert.Equal(Category.Read, c.Category);
        Assert.Contains(CapabilityTags.OpenWorld, c.Tags);
    }

    [Fact]
    public void Every_tag_is_from_the_closed_set()
    {
        foreach (var name in new[] { "run_shell", "pay_invoice", "create_api_key", "list_users", "kubectl_delete", "bulk_delete_rows" })
            Assert.All(Classify(name).Tags, t => Assert.True(CapabilityTags.IsKnown(t), t));
    }
}
