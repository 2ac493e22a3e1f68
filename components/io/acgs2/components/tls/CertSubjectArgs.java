package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The distinguished name of a certificate's subject: the {@code subject} input of {@link SelfSignedCert}
 * and {@link CertRequest}. The provider's schema has one object type for each
 * ({@code tls:index/SelfSignedCertSubject:SelfSignedCertSubject},
 * {@code tls:index/CertRequestSubject:CertRequestSubject}) with the same fields; on the wire both are a
 * plain object, so one nested input type (a generated SDK's {@code inputs/*Args} shape) serves both.
 * Every field is optional.
 */
public final class CertSubjectArgs extends ResourceArgs {

    public static final CertSubjectArgs Empty = new CertSubjectArgs();

    /** CN. */
    @Import(name = "commonName")
    private Output<String> commonName;

    /** C. */
    @Import(name = "country")
    private Output<String> country;

    /** OID 1.2.840.113549.1.9.1. */
    @Import(name = "emailAddress")
    private Output<String> emailAddress;

    /** L. */
    @Import(name = "locality")
    private Output<String> locality;

    /** O. */
    @Import(name = "organization")
    private Output<String> organization;

    /** OU. */
    @Import(name = "organizationalUnit")
    private Output<String> organizationalUnit;

    /** PC. */
    @Import(name = "postalCode")
    private Output<String> postalCode;

    /** ST. */
    @Import(name = "province")
    private Output<String> province;

    /** SERIALNUMBER. */
    @Import(name = "serialNumber")
    private Output<String> serialNumber;

    /** STREET. */
    @Import(name = "streetAddresses")
    private Output<List<String>> streetAddresses;

    private CertSubjectArgs() {
    }

    private CertSubjectArgs(CertSubjectArgs $) {
        this.commonName = $.commonName;
        this.country = $.country;
        this.emailAddress = $.emailAddress;
        this.locality = $.locality;
        this.organization = $.organization;
        this.organizationalUnit = $.organizationalUnit;
        this.postalCode = $.postalCode;
        this.province = $.province;
        this.serialNumber = $.serialNumber;
        this.streetAddresses = $.streetAddresses;
    }

    public Optional<Output<String>> commonName() {
        return Optional.ofNullable(commonName);
    }

    public Optional<Output<String>> country() {
        return Optional.ofNullable(country);
    }

    public Optional<Output<String>> emailAddress() {
        return Optional.ofNullable(emailAddress);
    }

    public Optional<Output<String>> locality() {
        return Optional.ofNullable(locality);
    }

    public Optional<Output<String>> organization() {
        return Optional.ofNullable(organization);
    }

    public Optional<Output<String>> organizationalUnit() {
        return Optional.ofNullable(organizationalUnit);
    }

    public Optional<Output<String>> postalCode() {
        return Optional.ofNullable(postalCode);
    }

    public Optional<Output<String>> province() {
        return Optional.ofNullable(province);
    }

    public Optional<Output<String>> serialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    public Optional<Output<List<String>>> streetAddresses() {
        return Optional.ofNullable(streetAddresses);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(CertSubjectArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final CertSubjectArgs $;

        public Builder() {
            $ = new CertSubjectArgs();
        }

        public Builder(CertSubjectArgs defaults) {
            $ = new CertSubjectArgs(Objects.requireNonNull(defaults));
        }

        public Builder commonName(Output<String> commonName) {
            $.commonName = commonName;
            return this;
        }

        public Builder commonName(String commonName) {
            return commonName(Output.of(commonName));
        }

        public Builder country(Output<String> country) {
            $.country = country;
            return this;
        }

        public Builder country(String country) {
            return country(Output.of(country));
        }

        public Builder emailAddress(Output<String> emailAddress) {
            $.emailAddress = emailAddress;
            return this;
        }

        public Builder emailAddress(String emailAddress) {
            return emailAddress(Output.of(emailAddress));
        }

        public Builder locality(Output<String> locality) {
            $.locality = locality;
            return this;
        }

        public Builder locality(String locality) {
            return locality(Output.of(locality));
        }

        public Builder organization(Output<String> organization) {
            $.organization = organization;
            return this;
        }

        public Builder organization(String organization) {
            return organization(Output.of(organization));
        }

        public Builder organizationalUnit(Output<String> organizationalUnit) {
            $.organizationalUnit = organizationalUnit;
            return this;
        }

        public Builder organizationalUnit(String organizationalUnit) {
            return organizationalUnit(Output.of(organizationalUnit));
        }

        public Builder postalCode(Output<String> postalCode) {
            $.postalCode = postalCode;
            return this;
        }

        public Builder postalCode(String postalCode) {
            return postalCode(Output.of(postalCode));
        }

        public Builder province(Output<String> province) {
            $.province = province;
            return this;
        }

        public Builder province(String province) {
            return province(Output.of(province));
        }

        public Builder serialNumber(Output<String> serialNumber) {
            $.serialNumber = serialNumber;
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            return serialNumber(Output.of(serialNumber));
        }

        public Builder streetAddresses(Output<List<String>> streetAddresses) {
            $.streetAddresses = streetAddresses;
            return this;
        }

        public Builder streetAddresses(List<String> streetAddresses) {
            return streetAddresses(Output.of(streetAddresses));
        }

        public Builder streetAddresses(String... streetAddresses) {
            return streetAddresses(List.of(streetAddresses));
        }

        public CertSubjectArgs build() {
            return $;
        }
    }
}
