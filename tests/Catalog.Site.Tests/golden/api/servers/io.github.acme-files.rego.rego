# fixture, server-wide
package mcp

default decision := "deny"
