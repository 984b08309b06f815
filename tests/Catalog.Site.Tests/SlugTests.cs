using Catalog.Site.Output;

namespace Catalog.Site.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("io.github.acme/files", "io.github.acme-files")]
    [InlineData("Create_API_Key", "create_api_key")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("a....b", "a.b")]
    [InlineData(".hidden", "hidden")]
    [InlineData("npm:@scope/pkg", "npm-scope-pkg")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("foo.policy", "foo-policy")]
    public void A_name_becomes_a_safe_lowercase_slug(string name, string slug) => Assert.Equal(slug, Slug.From(name));

    [Theory]
    [InlineData("工具")]
    [InlineData("///")]
    [InlineData("")]
    public void A_name_with_no_usable_characters_gets_a_hash_slug(string name) =>
        Assert.Matches("^x-[0-9a-f]{8}$", Slug.From(name));

    [Fact]
    public void A_long_name_is_cut_and_kept_unique_with_a_hash()
    {
        var slug = Slug.From(new string('a', 500));
        Assert.True(slug.Length <= Slug.MaxLength + 9);
        Assert.NotEqual(slug, Slug.From(new string('a', 501)));
    }

    [Fact]
    public void Names_that_collide_get_distinct_slugs_whatever_the_input_order()
    {
        string[] names = ["Foo", "foo", "FOO", "bar"];
        var a = new SlugMap(names);
        var b = new SlugMap(names.Reverse());
        Assert.Equal(4, names.Select(n => a[n]).Distinct().Count());
        Assert.All(names, n => Assert.Equal(a[n], b[n]));
        Assert.Equal("foo", a["FOO"]);
    }
}
