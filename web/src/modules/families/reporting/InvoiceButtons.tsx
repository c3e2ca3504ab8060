import { useState, type FormEvent } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFileInvoice, IconFileTypePdf, IconFileTypeXml } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { formatDate } from '../../../platform/format';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { euros, fetchInvoiceStatus, invoiceKeys, invoicePdfUrl, invoiceXmlUrl, issueInvoice, validIban, type InvoiceStatus, type SellerInput } from './InvoiceApi';

type Errors = Partial<Record<keyof SellerInput, string>>;

function IssueForm({ status, close }: { status: InvoiceStatus; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const d = status.sellerDefaults ?? {};
  const [values, setValues] = useState<SellerInput>({ iban: d.iban ?? '', street: d.street ?? '', city: d.city ?? '', postalZone: d.postalZone ?? '', vatNumber: d.vatNumber ?? '', email: d.email ?? '' });
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: () => issueInvoice(status.reportId, { ...values, vatNumber: values.vatNumber?.trim() || null, email: values.email?.trim() || null }),
    onSuccess: async (invoice) => {
      await client.invalidateQueries({ queryKey: invoiceKeys.status(status.reportId) });
      close(t('invoices.issued', { number: invoice.number }));
    },
  });
  const field = (key: keyof SellerInput) => ({
    value: values[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Read now: the event's currentTarget is null by the time React runs the updater.
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
    error: errors[key],
    'data-testid': `invoice-${key}`,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!validIban(values.iban)) found.iban = t('invoices.errors.iban');
    if (!values.street.trim()) found.street = t('validation.required');
    if (!values.city.trim()) found.city = t('validation.required');
    if (!/^\d{5}$/.test(values.postalZone.trim())) found.postalZone = t('invoices.errors.postalZone');
    if (values.vatNumber?.trim() && !/^EE\d{9}$/.test(values.vatNumber.trim())) found.vatNumber = t('invoices.errors.vatNumber');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('invoices.issueIntro', { total: euros(status.totalCents) })}</Text>
        <TextInput label={t('invoices.fields.iban')} required autoComplete="off" {...field('iban')} />
        <TextInput label={t('invoices.fields.street')} required autoComplete="street-address" {...field('street')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('invoices.fields.postalZone')} required inputMode="numeric" autoComplete="postal-code" {...field('postalZone')} />
          <TextInput label={t('invoices.fields.city')} required autoComplete="address-level2" {...field('city')} />
        </SimpleGrid>
        <TextInput label={t('invoices.fields.vatNumber')} description={t('invoices.fields.vatNumberHint')} {...field('vatNumber')} />
        <TextInput label={t('invoices.fields.email')} type="email" autoComplete="email" {...field('email')} />
        <Text size="xs" c="dimmed">{t('invoices.vatNote')}</Text>
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('invoices.issue')} testId="invoice-issue-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/**
 * B-REP-2 on an approved monthly report: the provider admin issues the
 * e-invoice (EN 16931, UBL) once; afterwards it and SKA download the XML and
 * a readable PDF. Place it on the monthly report's page.
 */
export function InvoiceButtons({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: invoiceKeys.status(reportId), queryFn: ({ signal }) => fetchInvoiceStatus(reportId, signal) });
  if (query.isPending) return <InlineLoader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const status = query.data;
  if (status.invoice) {
    const i = status.invoice;
    return (
      <Stack gap="xs" data-testid="invoice-issued">
        <Text size="sm">
          {t('invoices.summary', { number: i.number, issued: formatDate(i.issuedOn), due: formatDate(i.dueOn), total: euros(i.totalCents) })}
        </Text>
        <Group gap="sm">
          <Button component="a" href={invoiceXmlUrl(reportId)} download variant="default" leftSection={<IconFileTypeXml size={18} aria-hidden />} data-testid="invoice-xml">
            {t('invoices.downloadXml')}
          </Button>
          <Button component="a" href={invoicePdfUrl(reportId)} download variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} data-testid="invoice-pdf">
            {t('invoices.downloadPdf')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (!status.canIssue) {
    return status.reportStatus === 'approved' ? <Text size="sm" c="dimmed" data-testid="invoice-none">{t('invoices.notYet')}</Text> : null;
  }
  return (
    <ActionDialog label={t('invoices.issue')} title={t('invoices.issueTitle')} icon={<IconFileInvoice size={18} aria-hidden />} size="md" testId="invoice-issue">
      {(close) => <IssueForm status={status} close={close} />}
    </ActionDialog>
  );
}
