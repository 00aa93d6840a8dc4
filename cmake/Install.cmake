# Install rules, package config, pkg-config file and CPack (see the packaging tests).
